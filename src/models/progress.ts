// Download progress from transformers.js, as short lines on standard error: one per file at
// start, every 10 %, and when done. Files read from disk report nothing.

export interface ProgressInfo {
  status: string;
  name?: string;
  file?: string;
  progress?: number;
  loaded?: number;
  total?: number;
}

export function createProgressReporter(write: (line: string) => void = (l) => process.stderr.write(l + "\n")) {
  const lastDecile = new Map<string, number>();
  return (info: ProgressInfo): void => {
    const key = `${info.name}/${info.file}`;
    if (info.status === "progress" && typeof info.progress === "number") {
      const decile = Math.floor(info.progress / 10);
      if (decile === lastDecile.get(key)) return;
      lastDecile.set(key, decile);
      const mb = (n?: number) => ((n ?? 0) / 1e6).toFixed(1);
      write(`[newsdesk] downloading ${key} ${Math.round(info.progress)}% (${mb(info.loaded)}/${mb(info.total)} MB)`);
    } else if (info.status === "done" && lastDecile.has(key)) {
      write(`[newsdesk] downloaded ${key}`);
      lastDecile.delete(key);
    }
  };
}
