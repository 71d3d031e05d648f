// Matrix step 1 for ESLint 9.22.0: flat configs (see flat-config-suite.ts).
import { flatConfigSuite } from './flat-config-suite.js';

flatConfigSuite('eslint-9.22', '9.22.0');
