// Gateway events repaired before discord.js reads them. A permissions field must be a decimal
// string; discord.js throws on anything else inside its own handler, and the interaction is then
// never answered. A malformed value is read as "no permissions", the safe reading. Pure: mutates
// the packet it is given and returns the paths it repaired.

const DECIMAL = /^\s*\d+\s*$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null;

function fix(holder: unknown, key: string, path: string, repaired: string[]): void {
  if (!isObject(holder) || !(key in holder)) return;
  const value = holder[key];
  if (value === null || value === undefined || (typeof value === "string" && DECIMAL.test(value))) return;
  holder[key] = "0";
  repaired.push(path);
}

export function repairPacket(packet: { t?: string | null; d?: unknown }): string[] {
  const repaired: string[] = [];
  if (packet.t !== "INTERACTION_CREATE" || !isObject(packet.d)) return repaired;
  const d = packet.d;
  fix(d, "app_permissions", "app_permissions", repaired);
  fix(d.member, "permissions", "member.permissions", repaired);
  const resolved = isObject(d.data) && isObject(d.data.resolved) ? d.data.resolved : undefined;
  for (const kind of ["members", "roles", "channels"]) {
    const group = resolved?.[kind];
    if (!isObject(group)) continue;
    for (const [id, entry] of Object.entries(group)) fix(entry, "permissions", `data.resolved.${kind}.${id}.permissions`, repaired);
  }
  return repaired;
}
