import { startContentScript } from '../content/start-content-script.ts';
import { accountPageTarget } from './account-page-target.ts';

/** Content script for Salesforce Lightning (https://*.lightning.force.com/*). */
startContentScript(accountPageTarget);
