/**
 * Page scripts and page lines (html-scripts.ts): which `<script>` elements a page
 * runs, and where a script as eslint-plugin-html hands it to ESLint (indentation
 * removed, an empty first line dropped) sits in the page. The linted texts below
 * are what eslint-plugin-html 8 extracts from each page (checked in html-page.test.ts
 * through the plugin itself).
 */
import { describe, expect, it } from 'vitest';
import { placeScript, scanScripts, scriptKey } from '../../src/analysis/html-scripts.js';

function place(page: string, linted: string) {
  const scripts = scanScripts(page);
  return placeScript(
    page,
    scripts,
    scripts.map((s) => (s.src === undefined ? scriptKey(s.text) : '')),
    linted,
  );
}

describe('scanScripts', () => {
  it('finds classic, module and src scripts in order, and skips comments, data blocks and other raw text', () => {
    const page = [
      '<!doctype html>',
      '<!-- <script>commented()</script> -->',
      '<title>a <script> in a title</title>',
      '<script src="https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js"></script>',
      "<SCRIPT type='text/javascript'>one()</SCRIPT>",
      '<script type="application/json">{"not": "code"}</script>',
      '<script type=module>two()</script>',
      '<script type="x-shader/x-fragment">void main() {}</script>',
      '<script defer src=./model.js></script>',
    ].join('\n');
    const scripts = scanScripts(page);
    expect(scripts.map((s) => [s.kind, s.src ?? s.text, s.line])).toEqual([
      ['classic', 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js', 4],
      ['classic', 'one()', 5],
      ['module', 'two()', 7],
      ['classic', './model.js', 9],
    ]);
    expect(scripts[1]!.column).toBe("<SCRIPT type='text/javascript'>".length);
    expect(page.slice(scripts[1]!.start, scripts[1]!.start + 5)).toBe('one()');
  });
});

describe('placeScript', () => {
  const page = [
    '<html>', // 1
    '  <body>', // 2
    '    <script>', // 3
    '      const a = 1;', // 4
    '      if (a) {', // 5
    '        f({', // 6
    '          x: 1,', // 7
    '        });', // 8
    '      }', // 9
    '    </script>', // 10
    '  </body>', // 11
    '</html>',
  ].join('\n');
  const linted = ['const a = 1;', 'if (a) {', '  f({', '    x: 1,', '  });', '}', ''].join('\n');

  it('gives page lines: the linted line plus the script line delta', () => {
    const p = place(page, linted)!;
    expect(p.lineDelta).toBe(3); // linted line 1 is page line 4
  });

  it('maps offsets to the page, line by line', () => {
    const p = place(page, linted)!;
    for (const token of ['const', 'if (a)', 'f({', 'x: 1', '});']) {
      const at = linted.indexOf(token);
      expect(page.slice(p.toPage(at)!, p.toPage(at)! + token.length)).toBe(token);
    }
    // The end of the text is the end of the last code line's page text, before `</script>`'s indentation.
    expect(p.toPage(linted.length)).toBe(page.indexOf('    </script>'));
  });

  it('gives the removed indentation of the line an offset is on', () => {
    const p = place(page, linted)!;
    expect(p.prefixAt(linted.indexOf('x: 1'))).toBe('      ');
  });

  it('places a script that starts on its tag line, and tabs', () => {
    const tabbed = '<body>\n\t<script>go();\n\t\tstop();\n\t</script>\n</body>';
    const p = place(tabbed, 'go();\nstop();\n')!;
    expect(p.lineDelta).toBe(1);
    expect(tabbed.slice(p.toPage(6)!, p.toPage(6)! + 5)).toBe('stop(');
  });

  it('is undefined for a text the page does not hold (an unsaved edit)', () => {
    expect(place(page, 'const a = 2;')).toBeUndefined();
  });

  it("places a script changed by an edit by its lines only (a --fix pass's text), and not when two scripts are as near", () => {
    const edited = linted.replace('x: 1', 'x: 2');
    const p = place(page, edited)!;
    expect([p.exact, p.lineDelta, p.toPage(0), p.prefixAt(0)]).toEqual([false, 3, undefined, undefined]);
    expect(place(page, 'const b = 7;')).toBeUndefined();
    const twins = '<script>\nrun(1);\n</script>\n<script>\nrun(2);\n</script>';
    expect(place(twins, 'run(3);\n')).toBeUndefined();
  });

  it('places CDATA-wrapped XHTML scripts', () => {
    const xhtml = '<html>\n<script>\n//<![CDATA[\nrun(1);\n//]]>\n</script>\n</html>';
    // eslint-plugin-html removes the markers and keeps the comment slashes.
    const p = place(xhtml, '//\nrun(1);\n//\n')!;
    expect(p.lineDelta).toBe(2);
    const at = '//\n'.length;
    expect(xhtml.slice(p.toPage(at)!, p.toPage(at)! + 6)).toBe('run(1)');
  });
});
