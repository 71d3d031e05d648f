// Matrix step 1 for ESLint 10.15.0: flat configs (see flat-config-suite.ts).
import { flatConfigSuite } from './flat-config-suite.js';

flatConfigSuite('eslint-10', '10.15.0');
