/** `npm run action-yml`: action.yml's inputs rewritten from the inputs table (build/action-yml.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedInputs } from './action-yml.js';

const file = new URL('../action.yml', import.meta.url);
writeFileSync(file, withGeneratedInputs(readFileSync(file, 'utf8')));
