// Minifies the stylesheet for shipping: comments and layout whitespace go,
// quoted strings stay exactly as written. Usage: node scripts/minify-css.mjs in.css out.css
import { readFileSync, writeFileSync } from 'node:fs';

export function minifyCss(css) {
  let out = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") { // a string, copied as is
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
    } else if (/\s/.test(c)) {
      while (i + 1 < css.length && /\s/.test(css[i + 1])) i++;
      // a space matters only between two words (e.g. "1px solid"), and
      // before "(" or after ")" in selectors and values
      const prev = out[out.length - 1];
      const next = css[i + 1];
      if (prev && next && !'{};:,>'.includes(prev) && !'{};,>'.includes(next)) out += ' ';
    } else if (c === ';' && css[i + 1 + (css.slice(i + 1).match(/^\s*/)[0].length)] === '}') {
      // the last declaration needs no semicolon
    } else {
      out += c;
    }
  }
  return out.trim() + '\n';
}

if (process.argv[2]) writeFileSync(process.argv[3], minifyCss(readFileSync(process.argv[2], 'utf8')));
