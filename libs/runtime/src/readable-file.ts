/** `@IsReadableFile()`: a setting naming a file (a certificate, a key) this process must be able to read. */
import { accessSync, constants, statSync } from 'node:fs';
import { registerDecorator } from 'class-validator';

/** A path to a file this process can read: certificates and keys are read at start, and a wrong path should stop the start, named. */
export function IsReadableFile() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isReadableFile',
      target: target.constructor,
      propertyName,
      options: { message: 'must be the path of a readable file' },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            accessSync(value, constants.R_OK);
            return statSync(value).isFile();
          } catch {
            return false;
          }
        },
      },
    });
}
