// `pulumi policy publish` runs `npm pack` in the pack folder, and Pulumi installs the tarball on
// its own. So policypack/ must build, test and pack with nothing but its own package.json, and
// its tarball must install in an empty folder and run as a pack. This test does exactly that
// with a copy outside the repository (dependencies from the npm registry, as a user gets them).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startPack } from "../../cli/runner";
import { ResourceFactory } from "../support/engine";
import { GPU_POLICY, PACK_DIR, packOptions } from "./harness";
import { runIsolated } from "./npm";

jest.setTimeout(600_000);

let work: string;

function npm(cwd: string, ...args: string[]): string {
  return runIsolated("npm", [...args, "--no-audit", "--no-fund"], cwd);
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "jg-self-contained-"));
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe("policypack/ on its own", () => {
  let tarball: string;

  test("a copy outside the repository installs, builds, tests its compiled output and packs", () => {
    const copy = path.join(work, "policypack");
    fs.cpSync(PACK_DIR, copy, {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|bin)$/.test(src),
    });
    expect(fs.existsSync(path.join(copy, "bin"))).toBe(false);
    npm(copy, "install");
    npm(copy, "run", "build");
    expect(fs.existsSync(path.join(copy, "bin", "index.js"))).toBe(true);
    npm(copy, "test");
    const packed = JSON.parse(npm(copy, "pack", "--json", "--pack-destination", work)) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]?.files.map((f) => f.path) ?? [];
    expect(files).toEqual(
      expect.arrayContaining(["PulumiPolicy.yaml", "package.json", "bin/index.js", "bin/lib.js"]),
    );
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    tarball = path.join(work, packed[0]?.filename ?? "missing.tgz");
    expect(fs.existsSync(tarball)).toBe(true);
  });

  test("its tarball, unpacked and installed as Pulumi installs a published pack, runs as a pack", async () => {
    const installed = path.join(work, "published");
    fs.mkdirSync(installed);
    const tar = spawnSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
    expect(tar.status).toBe(0);
    npm(installed, "install", "--omit=dev");
    const session = await startPack(packOptions({ packDir: installed }));
    try {
      const f = new ResourceFactory();
      const provider = f.awsProvider("cn-north-1");
      const { findings } = await session.analyze(
        f.resource("aws:ec2/instance:Instance", "trainer", {
          provider,
          inputs: { ami: "ami-0a1b2c3d4e5f60718", instanceType: "p4d.24xlarge" },
        }),
        { provider },
      );
      const gpu = findings.filter((x) => x.policyName === GPU_POLICY);
      expect(gpu.map((x) => x.enforcementLevel)).toEqual(["mandatory"]);
      expect(gpu[0]?.message).toContain("cn-north-1");
    } finally {
      await session.close();
    }
  });

  test("its tarball installs as a library in an empty project, and importing starts nothing", () => {
    const consumer = path.join(work, "org-pack");
    fs.mkdirSync(consumer);
    fs.writeFileSync(
      path.join(consumer, "package.json"),
      JSON.stringify({ name: "org-pack", version: "1.0.0", private: true }),
    );
    npm(consumer, "install", tarball);
    // A pack that started its gRPC server on import would keep the process alive.
    const probe = spawnSync(
      process.execPath,
      ["-e", 'console.log(typeof require("jurisdiction-guard").JurisdictionGuard)'],
      { cwd: consumer, encoding: "utf8", timeout: 30_000 },
    );
    expect(probe.stderr).toBe("");
    expect(probe.signal).toBeNull();
    expect(probe.status).toBe(0);
    expect(probe.stdout.trim()).toBe("function");
  });
});
