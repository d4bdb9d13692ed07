// The fake server is only worth something if it refuses what GitHub would refuse.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeGitHub, gitHubOpenApi } from "./_fake-github.js";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = new FakeGitHub();
  await fake.start();
});
afterAll(() => fake.stop());

async function call(method: string, path: string, body?: unknown, auth = true) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { ...(auth ? { authorization: "token t" } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const violations = fake.violations.splice(0);
  return { status: response.status, violations };
}

describe("the OpenAPI-checked fake GitHub", () => {
  test("rejects a method the path does not document", async () => {
    const r = await call("GET", "/repos/octo/bench/git/refs/heads/main");
    expect(r.violations.join()).toMatch(/GET is not documented/);
  });

  test("rejects a body that breaks the operation's schema", async () => {
    const r = await call("POST", "/repos/octo/bench/git/trees", { tree: [{ path: "a", mode: "644", type: "blob", sha: "x" }] });
    expect(r.status).toBe(400);
    expect(r.violations.join()).toMatch(/request body\/tree\/0\/mode must be equal to one of the allowed values/);
  });

  test("rejects undocumented query parameters and badly typed ones", async () => {
    expect((await call("GET", "/repos/octo/bench/issues/7/comments?sort=asc")).violations.join()).toMatch(
      /undocumented query parameter "sort"/,
    );
    expect((await call("GET", "/repos/octo/bench/issues/7/comments?per_page=all")).violations.join()).toMatch(
      /per_page="all" is not a integer/,
    );
  });

  test("rejects a request without a token and a body where none is taken", async () => {
    expect((await call("GET", "/repos/octo/bench/pulls/1", undefined, false)).violations.join()).toMatch(/no Authorization header/);
    expect((await call("DELETE", "/repos/octo/bench/issues/comments/1", { x: 1 })).violations.join()).toMatch(/takes no body/);
  });

  test("flags a response GitHub would never send", () => {
    const api = gitHubOpenApi();
    const getRef = api.operations.find((o) => o.operationId === "git/get-ref");
    expect(getRef).toBeDefined();
    if (!getRef) return;
    expect(api.validateResponse(getRef, 200, { ref: "refs/heads/x" }).join()).toMatch(/must have required property/);
    expect(api.validateResponse(getRef, 418, {}).join()).toMatch(/status not documented/);
  });
});
