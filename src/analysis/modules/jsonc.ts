/**
 * JSON with comments and trailing commas, as tsconfig.json and jsconfig.json allow
 * (TypeScript reads them so): comments and the commas before `}` or `]` are dropped
 * outside strings, and the rest goes to `JSON.parse`. Undefined when it is not JSON
 * then.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let from = i;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      // A string, escapes included: `"./src/*"` holds no comment.
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      out += text.slice(from, i) + ' ';
      const close = text[i + 1] === '/' ? '\n' : '*/';
      const end = text.indexOf(close, i + 2);
      i = end < 0 ? text.length : end + (close === '*/' ? 2 : 0);
      from = i;
    } else if (c === '}' || c === ']') {
      out += text.slice(from, i);
      from = i;
      i++;
      let end = out.length;
      while (end > 0 && /\s/.test(out[end - 1]!)) end--;
      if (out[end - 1] === ',') out = out.slice(0, end - 1);
    } else i++;
  }
  out += text.slice(from);
  try {
    return JSON.parse(out) as unknown;
  } catch {
    return undefined;
  }
}
