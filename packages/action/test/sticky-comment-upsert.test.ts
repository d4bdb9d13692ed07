import { describe, expect, test } from "vitest";
import { COMMENT_MARKER, MAX_COMMENT_CHARS, commentBody, upsertStickyComment } from "../src/sticky-comment.js";
import type { FakeGitHub } from "./_fake-github.js";
import { useFakeGitHub } from "./_setup.js";

const startFake = useFakeGitHub();
let fake: FakeGitHub;

async function withPull() {
  const setup = await startFake();
  fake = setup.fake;
  fake.addPull({ number: 7, baseSha: "a".repeat(40), headSha: "b".repeat(40), headRepo: "octo/bench", baseRepo: "octo/bench" });
  return setup.api;
}

describe("sticky comment", () => {
  test("creates one comment, then edits that one on the next run", async () => {
    const api = await withPull();
    const first = await upsertStickyComment(api, 7, "run 1", true);
    expect(first.action).toBe("created");
    const second = await upsertStickyComment(api, 7, "run 2", true);
    expect(second).toMatchObject({ action: "updated", id: first.action === "created" ? first.id : -1 });
    expect(fake.comments.map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nrun 2`]);
    expect(await upsertStickyComment(api, 7, "run 2", true)).toMatchObject({ action: "unchanged" });
    expect(fake.count("issues/update-comment")).toBe(1);
  });

  test("finds its comment beyond the first page of a long thread, and ignores quotes of it", async () => {
    const api = await withPull();
    fake.addComment(7, "first!");
    const mine = fake.addComment(7, `${COMMENT_MARKER}\nold`);
    for (let i = 0; i < 230; i++) fake.addComment(7, i === 5 ? `> ${COMMENT_MARKER}\n> quoted` : `chatter ${i}`);
    // Move ours to the end so it sits on the third page.
    fake.comments.push(...fake.comments.splice(fake.comments.indexOf(mine), 1));
    mine.id = 99_999;
    const outcome = await upsertStickyComment(api, 7, "new", true);
    expect(outcome).toMatchObject({ action: "updated", id: 99_999 });
    expect(fake.count("issues/list-comments")).toBe(3);
    expect(fake.count("issues/create-comment")).toBe(0);
  });

  test("with comment: on-regression, a clean run posts nothing but still updates an earlier comment", async () => {
    const api = await withPull();
    expect(await upsertStickyComment(api, 7, "clean", false)).toMatchObject({ action: "skipped" });
    expect(fake.comments).toHaveLength(0);
    fake.addComment(7, `${COMMENT_MARKER}\nregressed`);
    expect(await upsertStickyComment(api, 7, "fixed", false)).toMatchObject({ action: "updated" });
    expect(fake.comments.map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nfixed`]);
  });

  test("when a racing run created one too, the newer comment folds into the older", async () => {
    const api = await withPull();
    const original = api.listIssueComments.bind(api);
    let calls = 0;
    // The other run's comment appears right after our first look.
    api.listIssueComments = async (n) => {
      const list = await original(n);
      if (calls++ === 0) fake.addComment(7, `${COMMENT_MARKER}\nother run`);
      return list;
    };
    const outcome = await upsertStickyComment(api, 7, "ours", true);
    expect(outcome.action).toBe("updated");
    expect(fake.comments.map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nours`]);
    expect(fake.count("issues/delete-comment")).toBe(1);
  });

  test("a marker planted by someone without write access is ignored: a new comment is created, theirs untouched", async () => {
    const api = await withPull();
    const planted = [
      fake.addComment(7, `${COMMENT_MARKER}\nplanted by a stranger`, { login: "mallory", type: "User", association: "NONE" }),
      fake.addComment(7, `${COMMENT_MARKER}\nplanted by a contributor`, { login: "eve", type: "User", association: "CONTRIBUTOR" }),
    ];
    const untouched = structuredClone(planted);
    const outcome = await upsertStickyComment(api, 7, "report", true);
    expect(outcome.action).toBe("created");
    expect(fake.comments.slice(0, 2)).toEqual(untouched);
    expect(fake.comments.map((c) => c.body)).toEqual([
      `${COMMENT_MARKER}\nplanted by a stranger`,
      `${COMMENT_MARKER}\nplanted by a contributor`,
      `${COMMENT_MARKER}\nreport`,
    ]);
    expect(fake.count("issues/update-comment") + fake.count("issues/delete-comment")).toBe(0);
    // The next run finds its own comment, not the older planted ones.
    expect(await upsertStickyComment(api, 7, "report 2", true)).toMatchObject({
      action: "updated",
      id: outcome.action === "created" ? outcome.id : -1,
    });
    expect(fake.comments.slice(0, 2)).toEqual(untouched);
  });

  test("a comment a maintainer's token wrote (a user with write access) is still ours", async () => {
    const api = await withPull();
    const earlier = fake.addComment(7, `${COMMENT_MARKER}\nfrom a PAT`, { login: "maintainer", type: "User", association: "MEMBER" });
    expect(await upsertStickyComment(api, 7, "new", true)).toMatchObject({ action: "updated", id: earlier.id });
    expect(fake.comments.map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nnew`]);
  });

  test("a report longer than GitHub allows is cut at a line and says so", () => {
    const body = commentBody(Array.from({ length: 5000 }, (_, i) => `| row ${i} | ${"x".repeat(20)} |`).join("\n"));
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toMatch(/job summary has all of it/);
  });
});
