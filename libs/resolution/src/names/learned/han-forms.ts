/**
 * One form per Han character: traditional and variant forms folded to the
 * simplified ones (OpenCC's tables), so 王偉 and 王伟, one name written in
 * Taiwan and in mainland China, are the same characters.
 */
import { Converter } from 'opencc-js';

let toSimplified: ((text: string) => string) | undefined;

export function foldHan(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 't', to: 'cn' }));
  return convert(text);
}
