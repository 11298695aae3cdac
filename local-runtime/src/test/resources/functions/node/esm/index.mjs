// handler: index.handler
import { basename } from 'node:path';

const loadedAt = new Date().toISOString();

export const handler = async (event) => {
  console.log('hello from esm');
  return { message: 'hello from esm', file: basename(import.meta.url), loadedAt };
};
