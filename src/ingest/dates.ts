// Dates as feeds and pages give them (RFC 822, ISO 8601) to the YYYY-MM-DD the knowledge folder uses.

export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return trimmed.slice(0, 10);
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
