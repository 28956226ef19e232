/** Edits of one property of an object literal: rename its key, remove it. Null when not safe. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { commentsInside, isInFile, type Fix } from './fixes.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Rename a property's key, keeping its value (`{epoch}` becomes `{epochs: epoch}`). */
export function renameKey(sc: SourceCode, property: TSESTree.Property, key: string): Fix | null {
  if (!isInFile(sc, property) || property.computed || property.method || property.kind !== 'init') return null;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return null;
  if (property.shorthand) {
    if (property.value.type !== 'Identifier') return null; // `{a = 1}` in a pattern
    const name = property.value.name;
    return (fixer) => fixer.replaceText(property, `${key}: ${name}`);
  }
  const k = property.key;
  if (k.type === 'Identifier') return (fixer) => fixer.replaceText(k, key);
  if (k.type === 'Literal' && typeof k.value === 'string') {
    const quote = sc.text[k.range[0]] === '"' ? '"' : "'";
    return (fixer) => fixer.replaceText(k, `${quote}${key}${quote}`);
  }
  return null;
}

/** Remove a property with one comma next to it, unless a comment would go with it. */
export function removeProperty(sc: SourceCode, property: TSESTree.Property): Fix | null {
  const object = property.parent;
  if (!isInFile(sc, property) || object?.type !== 'ObjectExpression') return null;
  if (commentsInside(sc, property).length > 0) return null;
  const i = object.properties.indexOf(property as TSESTree.ObjectLiteralElement);
  const next = object.properties[i + 1];
  const prev = object.properties[i - 1];
  let range: [number, number];
  if (next) {
    range = [property.range[0], next.range[0]];
  } else if (prev) {
    const after = sc.getTokenAfter(property);
    range = [prev.range[1], after?.value === ',' ? after.range[1] : property.range[1]];
  } else {
    const after = sc.getTokenAfter(property);
    range = [property.range[0], after?.value === ',' ? after.range[1] : property.range[1]];
  }
  // A comment between the property and its neighbour would be removed with it.
  const lost = sc.getAllComments().some((c) => c.range[0] >= range[0] && c.range[1] <= range[1]);
  if (lost) return null;
  return (fixer) => fixer.removeRange(range);
}
