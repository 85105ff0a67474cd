// A fast reachability check for the model hub, so an offline host answers lexically at once
// instead of waiting on a download that cannot start.

export type ProbeResult = { ok: true } | { ok: false; reason: string };

/** HEAD <hub>/<model>/resolve/main/config.json within `timeoutMs`. */
export async function probeHub(hubUrl: string, modelId: string, timeoutMs: number): Promise<ProbeResult> {
  const url = `${hubUrl.replace(/\/+$/, "")}/${modelId}/resolve/main/config.json`;
  try {
    const response = await fetch(url, { method: "HEAD", redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
    if (response.ok) return { ok: true };
    return { ok: false, reason: `${url} answered HTTP ${response.status}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === "TimeoutError") return { ok: false, reason: `${url} did not answer within ${timeoutMs} ms` };
    const detail = e.cause?.code ?? e.cause?.message ?? e.message;
    return { ok: false, reason: `${url} is unreachable (${detail})` };
  }
}
