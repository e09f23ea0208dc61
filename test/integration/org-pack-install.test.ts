// examples/org-pack as a security team uses it in a repository of its own: `npm install` there
// installs the library as a copy with its own dependencies (a path dependency with
// install-links, as a tarball would), `npm run build` compiles the pack, and both the runner
// and the scan run it with no special flags. The layout is a clean clone's after `npm ci`:
// copies of policypack/ and examples/org-pack/ next to the repository's installed node_modules.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startPack } from "../../cli/runner";
import { ResourceFactory } from "../support/engine";
import { EXAMPLES_DIR, PACK_DIR, REPO_ROOT, packOptions } from "./harness";
import { runIsolated } from "./npm";
import { fixture, runCli } from "./scan/helpers";

jest.setTimeout(300_000);

let work: string;
let orgPack: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "jg-org-pack-"));
  // policypack/ as `npm ci` leaves it (compiled by `prepare`); the org pack as committed.
  const skip = (src: string) => !/[\\/](node_modules|bin)$/.test(src);
  fs.cpSync(PACK_DIR, path.join(work, "policypack"), {
    recursive: true,
    filter: (src) => !src.endsWith(`${path.sep}node_modules`),
  });
  orgPack = path.join(work, "examples", "org-pack");
  fs.cpSync(path.join(EXAMPLES_DIR, "org-pack"), orgPack, { recursive: true, filter: skip });
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(work, "node_modules"), "dir");
  runIsolated("npm", ["install", "--no-audit", "--no-fund"], orgPack);
});

afterAll(() => {
  if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
});

test("npm install brings the library as a copy with its dependencies, and the pack builds", () => {
  const lib = path.join(orgPack, "node_modules", "jurisdiction-guard");
  expect(fs.lstatSync(lib).isSymbolicLink()).toBe(false);
  expect(fs.existsSync(path.join(lib, "bin", "lib.js"))).toBe(true);
  runIsolated("npm", ["run", "build"], orgPack);
  expect(fs.existsSync(path.join(orgPack, "bin", "index.js"))).toBe(true);
});

test("the runner starts it and its baked-in settings decide", async () => {
  const session = await startPack(packOptions({ packDir: orgPack }));
  try {
    expect(session.info.name).toBe("acme-jurisdiction-guard");
    const f = new ResourceFactory();
    // Singapore is restricted by ACME's settings only.
    const provider = f.awsProvider("ap-southeast-1");
    const { findings } = await session.analyze(
      f.resource("aws:ec2/instance:Instance", "trainer", {
        provider,
        inputs: { ami: "ami-0a1b2c3d4e5f60718", instanceType: "p5.48xlarge" },
      }),
      { provider },
    );
    expect(findings.map((x) => [x.policyName, x.enforcementLevel])).toContainEqual([
      "gpu-in-restricted-jurisdiction",
      "mandatory",
    ]);
  } finally {
    await session.close();
  }
});

test("the scan runs it with --policy-pack alone: advisory in the stock pack, failing in the org pack", async () => {
  const input = fixture("stack-export-alicloud-advisory.json");
  const stock = await runCli(["scan", input]);
  expect(stock.code).toBe(0);
  const org = await runCli(["scan", "--policy-pack", orgPack, input]);
  expect(org.stderr).toBe("");
  expect(org.code).toBe(1);
  expect(org.stdout).toContain("acme-jurisdiction-guard");
});
