import { startContentScript } from '../content/start-content-script.ts';
import { companyPageTarget } from './company-page-target.ts';

/** Content script for HubSpot company records (https://app*.hubspot.com/contacts/…). */
startContentScript(companyPageTarget);
