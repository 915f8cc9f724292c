// The core wired as src/app.ts wires it for issue 13 (roles, audit, bind guard over the data
// folder's database), for tests through the platform doors.
import { fileExporter } from "../../src/store/export.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRoles } from "../../src/core/access/roles.js";
import { createCore } from "../../src/core/engine.js";
import { createSubmissionFeature } from "../../src/core/submissions/index.js";
import type { Core } from "../../src/core/types.js";
import { openAuditLog } from "../../src/store/db/audit.js";
import { openBindFailures } from "../../src/store/db/bind-failures.js";
import { openConversationStore } from "../../src/store/db/conversations.js";
import { openViewerGrants } from "../../src/store/db/roles.js";
import { loadDistrict } from "../../src/store/district.js";
import { openDataStores } from "../../src/wiring.js";
import { FIXTURE_DISTRICT, fixtureAnswerer } from "../helpers/reports.js";

/** Admins and viewers of the door tests. */
export const WIRED_ADMINS = ["telegram:12345", "wecom:alice"];
export const WIRED_VIEWERS = ["telegram:777", "wecom:leader"];

/** A core over a fresh data folder, wired with the access rules. */
export function wiredCore(): { core: Core; dataDir: string; alerts: string[] } {
  const dataDir = mkdtempSync(join(tmpdir(), "wired-"));
  const district = loadDistrict(FIXTURE_DISTRICT);
  const stores = openDataStores(dataDir, district);
  const conversations = openConversationStore(dataDir);
  const answerer = fixtureAnswerer();
  const alerts: string[] = [];
  const roles = createRoles({
    admins: WIRED_ADMINS,
    viewers: WIRED_VIEWERS,
    grants: openViewerGrants(dataDir),
    bindings: stores.bindings,
  });
  const feature = createSubmissionFeature({
    ...stores,
    answerer,
    area: district.area,
    districtNames: district.aliases,
    conversations,
    exporter: fileExporter(dataDir),
    roles,
    bindFailures: openBindFailures(dataDir),
    alertOffice: async (text) => void alerts.push(text),
  });
  const core = createCore({
    answerer,
    conversations,
    roles,
    audit: openAuditLog(dataDir),
    commands: feature.commands,
    flows: feature.flows,
    answerHooks: feature.answerHooks,
    log: { info: () => undefined, error: () => undefined },
  });
  return { core, dataDir, alerts };
}
