// Matrix step 1 for ESLint 9.39.5: flat configs (see flat-config-suite.ts).
import { flatConfigSuite } from './flat-config-suite.js';

flatConfigSuite('eslint-9', '9.39.5');
