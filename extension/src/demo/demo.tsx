import { render } from 'preact';
import { createOverlayMount } from '../overlay/mount-overlay.tsx';
import { DemoApp } from './demo-app.tsx';
import { createDemoHost } from './demo-host.ts';
import { tokenFromFragment } from './demo-location.ts';
import './demo.css';

/** The /demo page the proxy serves: the overlay on demo accounts, no Salesforce needed. */

const demo = createDemoHost(location.origin, tokenFromFragment(location.hash));
const overlay = createOverlayMount(demo.host);

render(<DemoApp demo={demo} overlay={overlay} />, document.getElementById('app')!);
