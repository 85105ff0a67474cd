// What real Discord would refuse, or what this project forbids, in a payload the bot sends.
// Each function returns the problems found (empty when the payload is fine).

type Json = Record<string, any>;

const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  rows: 5,
  perRow: 5,
  customId: 100,
  label: 80,
};

/** The project's rule: every message the bot sends carries allowed_mentions that allow nothing. */
export function checkAllowedMentions(body: Json): string[] {
  const am = body.allowed_mentions;
  if (!am) return ["allowed_mentions missing"];
  const problems: string[] = [];
  if (!Array.isArray(am.parse) || am.parse.length) problems.push(`allowed_mentions.parse must be [] (got ${JSON.stringify(am.parse)})`);
  if (am.users?.length) problems.push("allowed_mentions.users must be empty");
  if (am.roles?.length) problems.push("allowed_mentions.roles must be empty");
  if (am.replied_user) problems.push("allowed_mentions.replied_user must be false");
  return problems;
}

export function checkEmbed(e: Json, i: number): string[] {
  const p: string[] = [];
  const len = (s: unknown) => (typeof s === "string" ? s.length : 0);
  if (len(e.title) > LIMITS.title) p.push(`embeds[${i}].title ${len(e.title)} > ${LIMITS.title}`);
  if (len(e.description) > LIMITS.description) p.push(`embeds[${i}].description ${len(e.description)} > ${LIMITS.description}`);
  if (len(e.footer?.text) > LIMITS.footer) p.push(`embeds[${i}].footer.text too long`);
  if (len(e.author?.name) > LIMITS.author) p.push(`embeds[${i}].author.name too long`);
  const fields: Json[] = e.fields ?? [];
  if (fields.length > LIMITS.fields) p.push(`embeds[${i}] has ${fields.length} fields > ${LIMITS.fields}`);
  fields.forEach((f, j) => {
    if (!len(f.name) || len(f.name) > LIMITS.fieldName) p.push(`embeds[${i}].fields[${j}].name length ${len(f.name)}`);
    if (!len(f.value) || len(f.value) > LIMITS.fieldValue) p.push(`embeds[${i}].fields[${j}].value length ${len(f.value)}`);
  });
  if (e.url !== undefined && !/^https?:\/\//.test(e.url)) p.push(`embeds[${i}].url not http(s)`);
  return p;
}

function embedTotal(e: Json): number {
  const len = (s: unknown) => (typeof s === "string" ? s.length : 0);
  let n = len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
  for (const f of e.fields ?? []) n += len(f.name) + len(f.value);
  return n;
}

export function checkComponents(rows: Json[] | undefined): string[] {
  if (!rows) return [];
  const p: string[] = [];
  const ids = new Set<string>();
  if (rows.length > LIMITS.rows) p.push(`${rows.length} component rows > ${LIMITS.rows}`);
  rows.forEach((row, r) => {
    if (row.type !== 1) p.push(`components[${r}] is not an action row`);
    if ((row.components ?? []).length > LIMITS.perRow) p.push(`components[${r}] has more than ${LIMITS.perRow} buttons`);
    for (const b of row.components ?? []) {
      if (b.custom_id !== undefined) {
        if (b.custom_id.length > LIMITS.customId) p.push(`custom_id longer than ${LIMITS.customId}`);
        if (ids.has(b.custom_id)) p.push(`custom_id ${b.custom_id} used twice in one message`);
        ids.add(b.custom_id);
      }
      if ((b.label ?? "").length > LIMITS.label) p.push(`button label longer than ${LIMITS.label}`);
    }
  });
  return p;
}

/** A message body (create or edit) against Discord's limits and the no-mentions rule. */
export function checkMessage(body: Json, options: { create: boolean }): string[] {
  const p = checkAllowedMentions(body);
  const content = body.content ?? "";
  if (typeof content !== "string" || content.length > LIMITS.content) p.push(`content ${String(content).length} > ${LIMITS.content}`);
  const embeds: Json[] = body.embeds ?? [];
  if (embeds.length > LIMITS.embeds) p.push(`${embeds.length} embeds > ${LIMITS.embeds}`);
  embeds.forEach((e, i) => p.push(...checkEmbed(e, i)));
  const total = embeds.reduce((n, e) => n + embedTotal(e), 0);
  if (total > LIMITS.total) p.push(`embeds total ${total} > ${LIMITS.total}`);
  p.push(...checkComponents(body.components));
  if (options.create && !content && !embeds.length && !(body.components ?? []).length) p.push("empty message");
  return p;
}

export function checkChoices(choices: Json[] | undefined): string[] {
  if (!Array.isArray(choices)) return ["choices missing"];
  const p: string[] = [];
  if (choices.length > 25) p.push(`${choices.length} choices > 25`);
  for (const c of choices) {
    if (!c.name || c.name.length > 100) p.push(`choice name length ${c.name?.length}`);
    if (typeof c.value !== "string" || !c.value || c.value.length > 100) p.push(`choice value ${JSON.stringify(c.value)}`);
  }
  return p;
}

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/** Application command definitions as PUT by deploy-commands. */
export function checkCommands(commands: Json[]): string[] {
  const p: string[] = [];
  const seen = new Set<string>();
  for (const c of commands) {
    const key = `${c.type ?? 1}:${c.name}`;
    if (seen.has(key)) p.push(`command ${c.name} twice`);
    seen.add(key);
    if ((c.type ?? 1) === 1) {
      if (!NAME.test(c.name)) p.push(`bad command name ${c.name}`);
      if (!c.description || c.description.length > 100) p.push(`${c.name}: description length`);
      for (const o of c.options ?? []) {
        if (!NAME.test(o.name)) p.push(`${c.name}: bad option name ${o.name}`);
        if (!o.description || o.description.length > 100) p.push(`${c.name}.${o.name}: description length`);
      }
      // Discord: required options must come before optional ones.
      const firstOptional = (c.options ?? []).findIndex((o: Json) => !o.required);
      if (firstOptional >= 0 && (c.options ?? []).slice(firstOptional).some((o: Json) => o.required))
        p.push(`${c.name}: required option after optional`);
    } else if (c.description) p.push(`${c.name}: context menu commands take no description`);
  }
  if (commands.length > 100) p.push("more than 100 commands");
  return p;
}
