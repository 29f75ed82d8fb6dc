/** Every culture the generator draws persons from. */
import { arabic } from './arabic';
import { chinese } from './chinese';
import { Culture } from './culture';
import { dutch } from './dutch';
import { english } from './english';
import { french } from './french';
import { german } from './german';
import { greek } from './greek';
import { hebrew } from './hebrew';
import { japanese } from './japanese';
import { korean } from './korean';
import { polish } from './polish';
import { russian } from './russian';
import { spanish } from './spanish';
import { turkish } from './turkish';
import { ukrainian } from './ukrainian';

export * from './culture';

export const CULTURES: readonly Culture[] = [
  russian,
  ukrainian,
  arabic,
  chinese,
  japanese,
  korean,
  greek,
  hebrew,
  english,
  french,
  spanish,
  german,
  turkish,
  polish,
  dutch,
];
