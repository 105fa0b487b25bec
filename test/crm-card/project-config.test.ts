import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  isKnownPlatformVersion,
  meetsMinimumPlatformVersion,
} from '@hubspot/project-parsing-lib/projects';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { describe, expect, it } from 'vitest';
import { PROXY_ORIGIN } from '../../crm-card/src/app/cards/proxy-origin.ts';

const projectDir = path.resolve(import.meta.dirname, '../../crm-card');

async function readJson(relativePath: string) {
  return JSON.parse(await readFile(path.join(projectDir, relativePath), 'utf8'));
}

describe('the HubSpot developer project in crm-card/', () => {
  it('targets a current platform version with its sources in src/', async () => {
    const project = await readJson('hsproject.json');

    expect(project.srcDir).toBe('src');
    expect(isKnownPlatformVersion(project.platformVersion)).toBe(true);
    expect(meetsMinimumPlatformVersion(project.platformVersion, '2025.2')).toBe(true);
  });

  it("parses with HubSpot's parser into a private app and a company record tab card", async () => {
    const { platformVersion } = await readJson('hsproject.json');
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir: path.join(projectDir, 'src'), platformVersion },
      // Full validation downloads HubSpot's schemas with an account; parsing is offline.
      { skipValidation: true },
    );

    const nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid);
    expect(skippedHsMetaFiles).toEqual([]);
    expect(nodes.map((node) => [node.componentType, node.uid, node.componentDeps])).toEqual([
      ['APPLICATION', 'upsignal_app', {}],
      ['CARD', 'upsignal_expansion_card', { app: 'upsignal_app', allAppObjects: [] }],
    ]);
    expect(nodes[1]?.config).toMatchObject({
      location: 'crm.record.tab',
      objectTypes: ['companies'],
      entrypoint: '/app/cards/expansion-card.tsx',
    });
  });

  it('points the card at an entry file that exists beside its package.json', async () => {
    const card = await readJson('src/app/cards/expansion-card-hsmeta.json');
    const entry = path.join(projectDir, 'src', card.config.entrypoint);

    expect((await stat(entry)).isFile()).toBe(true);
    expect((await stat(path.join(path.dirname(entry), 'package.json'))).isFile()).toBe(true);
  });

  it('lets the card fetch only the HTTPS origin it calls, with static auth', async () => {
    const app = await readJson('src/app/app-hsmeta.json');

    expect(app.config.distribution).toBe('private');
    expect(app.config.auth.type).toBe('static');
    expect(app.config.permittedUrls.fetch).toEqual([PROXY_ORIGIN]);
    expect(new URL(PROXY_ORIGIN).protocol).toBe('https:');
  });

  it('maps that origin to the local proxy in the local.json example', async () => {
    const local = await readJson('src/app/local.example.json');

    expect(local).toEqual({ proxy: { [PROXY_ORIGIN]: 'http://localhost:8787' } });
  });
});
