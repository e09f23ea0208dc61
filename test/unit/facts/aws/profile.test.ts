// Reading a profile's region from the shared AWS config file, as the SDKs do.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { awsConfigFilePath, readAwsProfileRegion } from "../../../../policypack/src/facts/aws";

const CONFIG = `# shared config
[default]
region = us-east-1

[profile cn]
region = cn-north-1
output = json

[profile  spaced ]
region=cn-northwest-1

[profile team.prod]
region = ap-east-1

[profile no-region]
output = text

[bare]
region = eu-west-1
`;

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "jg-aws-config-"));
  file = join(dir, "config");
  writeFileSync(file, CONFIG);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readAwsProfileRegion", () => {
  const env = (): Record<string, string> => ({ AWS_CONFIG_FILE: file });

  it("reads [default] when no profile is named", () => {
    expect(readAwsProfileRegion(undefined, env())).toEqual({ region: "us-east-1", file });
  });

  it("reads [profile NAME] for a named profile", () => {
    expect(readAwsProfileRegion("cn", env())).toEqual({ region: "cn-north-1", file });
  });

  it("uses AWS_PROFILE when no profile is passed", () => {
    expect(readAwsProfileRegion(undefined, { ...env(), AWS_PROFILE: "cn" })?.region).toBe(
      "cn-north-1",
    );
  });

  it("prefers the profile passed over AWS_PROFILE", () => {
    expect(readAwsProfileRegion("default", { ...env(), AWS_PROFILE: "cn" })?.region).toBe(
      "us-east-1",
    );
  });

  it("collapses blanks in section headers", () => {
    expect(readAwsProfileRegion("spaced", env())?.region).toBe("cn-northwest-1");
  });

  it("finds a profile whose name contains a dot", () => {
    expect(readAwsProfileRegion("team.prod", env())?.region).toBe("ap-east-1");
  });

  it("ignores a bare [NAME] section, which the config file does not use for named profiles", () => {
    expect(readAwsProfileRegion("bare", env())).toBeUndefined();
  });

  it("gives undefined for a profile without region", () => {
    expect(readAwsProfileRegion("no-region", env())).toBeUndefined();
  });

  it("gives undefined for a profile that does not exist", () => {
    expect(readAwsProfileRegion("missing", env())).toBeUndefined();
  });

  it("gives undefined, without throwing, when the file is missing", () => {
    expect(readAwsProfileRegion(undefined, { AWS_CONFIG_FILE: join(dir, "nope") })).toBeUndefined();
  });

  it("gives undefined, without throwing, when the path is a directory", () => {
    expect(readAwsProfileRegion(undefined, { AWS_CONFIG_FILE: dir })).toBeUndefined();
  });

  it("reads ~/.aws/config under HOME when AWS_CONFIG_FILE is unset", () => {
    const home = join(dir, "home");
    mkdirSync(join(home, ".aws"), { recursive: true });
    writeFileSync(join(home, ".aws", "config"), "[profile hk]\nregion = ap-east-1\n");
    expect(readAwsProfileRegion("hk", { HOME: home })).toEqual({
      region: "ap-east-1",
      file: join(home, ".aws", "config"),
    });
  });
});

describe("awsConfigFilePath", () => {
  it("expands a leading ~ in AWS_CONFIG_FILE", () => {
    expect(awsConfigFilePath({ HOME: "/home/a", AWS_CONFIG_FILE: "~/cfg/aws" })).toBe(
      "/home/a/cfg/aws",
    );
  });

  it("defaults to ~/.aws/config", () => {
    expect(awsConfigFilePath({ HOME: "/home/a" })).toBe("/home/a/.aws/config");
  });
});
