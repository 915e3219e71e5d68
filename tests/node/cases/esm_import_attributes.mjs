import data from '../fixtures/mods/data.json' with { type: 'json' };
import * as ns from '../fixtures/mods/esm-lib.mjs';
console.log(data.answer, Object.keys(ns).sort());
console.log(import.meta.resolve('./esm_import_attributes.mjs').endsWith('/cases/esm_import_attributes.mjs'));
console.log(import.meta.resolve('node:fs'), import.meta.resolve('fs'));
const { default: d } = await import('../fixtures/mods/data.json', { with: { type: 'json' } });
console.log(d.list.length);
