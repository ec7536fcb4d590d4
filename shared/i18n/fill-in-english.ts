// English texts filled in without FormatJS: `{name}` and `{name, select, …}`, for error paths that must start fast.

/** The option of `{name, select, key {…} … other {…}}` that `value` chooses, from the text after the arguments' comma. */
function chooseOption(options: string, value: string): string {
  const found: Record<string, string> = {};
  for (let index = 0; index < options.length; ) {
    const open = options.indexOf('{', index);
    if (open < 0) break;
    let depth = 0;
    let close = open;
    for (; close < options.length; close += 1) {
      if (options[close] === '{') depth += 1;
      else if (options[close] === '}' && (depth -= 1) === 0) break;
    }
    found[options.slice(index, open).trim()] = options.slice(open + 1, close);
    index = close + 1;
  }
  return found[value] ?? found['other'] ?? '';
}

/** ICU's `{name}` and `{name, select, …}` in English, without loading FormatJS on every command's error path. */
export function fillInEnglish(text: string, values: Readonly<Record<string, string>>): string {
  let out = '';
  for (let index = 0; index < text.length; ) {
    const open = text.indexOf('{', index);
    if (open < 0) return out + text.slice(index);
    let depth = 0;
    let close = open;
    for (; close < text.length; close += 1) {
      if (text[close] === '{') depth += 1;
      else if (text[close] === '}' && (depth -= 1) === 0) break;
    }
    const inner = text.slice(open + 1, close);
    const select = /^(\w+), select, ([\s\S]*)$/.exec(inner);
    out += text.slice(index, open) + (select ? fillInEnglish(chooseOption(select[2] ?? '', values[select[1] ?? ''] ?? ''), values) : (values[inner] ?? `{${inner}}`));
    index = close + 1;
  }
  return out;
}
