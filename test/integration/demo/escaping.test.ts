// The demo's report escapes control and bidi characters that come from the programs (resource
// names reach the pack's messages) and keeps its own colours.
import { demo, makeExamples, removeExamples, tsProgram } from "./helpers";

const SPOOF = "trainer\\u001b[2K\\r\\n\\u001b[32m0 mandatory\\u0007\\u202e";
const PROGRAM = tsProgram(
  "spoof",
  `import * as aws from "@pulumi/aws";\n\nnew aws.ec2.Instance("${SPOOF}", { ami: "ami-0abc", instanceType: "p4d.24xlarge" });\n`,
  { "aws:region": "cn-north-1" },
);

let dir: string;
beforeAll(() => {
  dir = makeExamples({ spoof: PROGRAM });
});
afterAll(() => removeExamples(dir));

test("a resource name with ESC, CR, LF, BEL and an RTL override is escaped; colours stay", async () => {
  const r = await demo(["--examples", dir, "--no-build"], { env: { FORCE_COLOR: "1" } });
  expect(r.code).toBe(1);
  // Our colours: the failing pack line in red.
  // eslint-disable-next-line no-control-regex
  expect(r.stdout).toMatch(/\u001b\[31m❌ jurisdiction-guard@v/);
  // Only our SGR codes; nothing else from the name reaches the terminal raw.
  // eslint-disable-next-line no-control-regex
  const withoutOurColours = r.stdout.replace(/\u001b\[(?:1|2|22|31|32|33|39)m/g, "");
  // eslint-disable-next-line no-control-regex
  expect(withoutOurColours).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  expect(r.stdout).toContain("trainer\\u001b[2K\\u000d\\u000a\\u001b[32m0 mandatory\\u0007\\u202e");
}, 60_000);
