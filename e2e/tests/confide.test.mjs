// Confide in a real browser (Debian's Chromium, driven by playwright-core)
// against a real `confide serve` with a fresh database: the whole loop with
// JavaScript and without, quick exit, erasure, keyboard use and small
// screens. Every page visited is checked with axe-core (no serious or
// critical violations) and saved as a screenshot in target/e2e/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, "../..");
const binary = process.env.CONFIDE_BINARY ?? join(root, "target/debug/confide");
const artefacts = process.env.E2E_ARTEFACTS ?? join(root, "target/e2e");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const PASSWORD = "a long e2e password";

let server;
let base;
let browser;

before(async () => {
  mkdirSync(artefacts, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "confide-e2e-"));
  const db = `sqlite://${dir}/e2e.db`;
  writeFileSync(
    join(dir, "confide.toml"),
    '[site]\nquick_exit_url = "about:blank"\n[site.rate_limits]\nenabled = false\n',
  );
  execFileSync(
    binary,
    ["account", "create", "--role", "expert", "--handle", "dr.e2e", "--name", "Dr Eve Test",
      "--credentials", "Sexual health physician (test account)", "--password-stdin", "--database", db],
    { input: `${PASSWORD}\n` },
  );
  server = spawn(
    binary,
    ["serve", "--listen", "127.0.0.1:0", "--database", db, "--index-dir", join(dir, "index"),
      "--config", join(dir, "confide.toml")],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, CONFIDE_LOG: "warn" } },
  );
  base = await new Promise((resolveBase, reject) => {
    server.stdout.on("data", (chunk) => {
      const m = /listening on (http:\/\/[0-9.:]+)/.exec(String(chunk));
      if (m) resolveBase(m[1]);
    });
    server.on("exit", (code) => reject(new Error(`confide exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  await seedAnsweredQuestion();
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function api(path, body, token) {
  const response = await fetch(base + path, {
    method: body ? "POST" : "GET",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${path}: ${response.status}`);
  return response.json();
}

/// One question answered already, for the "asked before" suggestions.
async function seedAnsweredQuestion() {
  const asked = await api("/api/v1/questions", {
    title: "Why did my partner cry after we had sex?",
    body: "It was good and she said she was fine, but she cried. Should I worry?",
    topic: "emotions",
  });
  const { token } = await api("/api/v1/sessions", { handle: "dr.e2e", password: PASSWORD });
  await api(`/api/v1/questions/${asked.id}/answers`, {
    body: "Tears after sex happen to many people and often mean nothing is wrong. Ask her, at a calm moment, how it felt.",
  }, token);
}

/// No serious or critical accessibility violation, and a screenshot.
/// (With JavaScript off, axe cannot run in the page: screenshot only; the
/// same pages are checked with it on.)
async function check(page, name, { axe = true } = {}) {
  if (!axe) {
    await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });
    return;
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  await page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });
  assert.ok(result.passes.length >= 10, `${name}: axe checked the page (${result.passes.length} rules passed)`);
  assert.deepEqual(serious, [], `${name}: accessibility`);
}

async function context(options = {}) {
  // Axe is injected as a script, which the site's own CSP rightly forbids.
  return browser.newContext({ bypassCSP: true, ...options });
}

test("ask, answer, reply and erase, with suggestions as the asker types", async () => {
  const asker = await (await context()).newPage();
  await asker.goto(`${base}/`);
  await check(asker, "home");
  await asker.goto(`${base}/ask`);
  await check(asker, "ask");
  await asker.locator("#title").pressSequentially("My partner cried after sex, is that normal?", { delay: 15 });
  await asker.locator("#similar-live a", { hasText: "Why did my partner cry after we had sex?" }).first().waitFor();
  await check(asker, "ask-with-suggestions");
  await asker.locator("#body").fill("We had a lovely evening and then she cried quietly. I did not know what to say.");
  await asker.locator("#topic").selectOption("emotions");
  await asker.getByRole("button", { name: "Send my question" }).click();
  await asker.getByText("only way back").first().waitFor();
  await check(asker, "asked");
  const privateLink = await asker.locator('a[href*="/private/"]').first().getAttribute("href");
  assert.match(privateLink, /\/private\/[A-Za-z0-9_-]{43}/);

  // An expert logs in, finds it in the queue and answers.
  const expert = await (await context()).newPage();
  await expert.goto(`${base}/login`);
  await check(expert, "login");
  await expert.locator("#handle").fill("dr.e2e");
  await expert.locator("#password").fill(PASSWORD);
  await expert.getByRole("button", { name: "Log in" }).click();
  await expert.getByRole("heading", { name: "Questions waiting for an answer" }).waitFor();
  await check(expert, "queue");
  await expert.getByRole("link", { name: "My partner cried after sex, is that normal?" }).click();
  await expert.locator("#answer-body").fill("Crying after sex is common and usually not a sign that anything went wrong. Ask her gently, later, how she felt.");
  await expert.getByRole("button", { name: "Publish answer" }).click();
  await expert.getByText("usually not a sign that anything went wrong").waitFor();
  await check(expert, "question-for-expert");

  // The asker reads it, says it helped, and replies.
  await asker.goto(new URL(privateLink, base).href);
  await asker.getByText("usually not a sign that anything went wrong").waitFor();
  await check(asker, "private-page");
  await asker.getByRole("button", { name: "This answer helped me" }).click();
  await asker.getByText("The asker said this answer helped").waitFor();
  const reply = asker.locator("#reply-thread");
  await reply.fill("Thank you. I asked her and she said she felt overwhelmed, in a good way.");
  await asker.getByRole("button", { name: "Send reply" }).last().click();
  await asker.getByText("overwhelmed, in a good way").waitFor();

  // A reader finds it by searching, in other words.
  const reader = await (await context()).newPage();
  await reader.goto(`${base}/search?q=${encodeURIComponent("crying after intercourse")}`);
  await check(reader, "search");
  await reader.getByRole("link", { name: "My partner cried after sex, is that normal?" }).click();
  await reader.getByText("usually not a sign that anything went wrong").waitFor();
  await check(reader, "question");
  const publicUrl = reader.url();

  // The asker erases it: gone for everyone.
  await asker.getByRole("link", { name: "Erase my question…" }).click();
  await check(asker, "erase");
  await asker.getByRole("button", { name: "Yes, erase it" }).click();
  const gone = await reader.goto(publicUrl);
  assert.equal(gone.status(), 404);
});

test("quick exit by the button and by pressing Escape three times", async () => {
  const page = await (await context()).newPage();
  await page.goto(`${base}/ask`);
  await page.getByRole("link", { name: "Quick exit" }).click();
  await page.waitForURL("about:blank");
  await page.goto(`${base}/ask`);
  await page.locator("#title").fill("something private");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
  await page.waitForURL("about:blank");
});

test("every step works with JavaScript off", async () => {
  const page = await (await context({ javaScriptEnabled: false })).newPage();
  await page.goto(`${base}/ask`);
  await page.locator("#title").fill("Is it normal that my partner cries after sex?");
  await page.locator("#body").fill("It happened twice now. She says it is fine.");
  await page.getByRole("button", { name: "Check for similar questions" }).click();
  await page.getByRole("heading", { name: "Answered questions like yours" }).waitFor();
  await check(page, "ask-without-javascript", { axe: false });
  await page.getByRole("button", { name: "Send my question" }).click();
  await page.getByText("only way back").first().waitFor();
  const privateLink = await page.locator('a[href*="/private/"]').first().getAttribute("href");

  await page.goto(`${base}/login`);
  await page.locator("#handle").fill("dr.e2e");
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("link", { name: "Is it normal that my partner cries after sex?" }).click();
  await page.locator("#answer-body").fill("Yes, this is common. If it troubles either of you, talk about it at a calm moment.");
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByText("Preview — not published yet").waitFor();
  await page.getByRole("button", { name: "Publish answer" }).click();
  await page.getByText("If it troubles either of you").first().waitFor();

  const asker = await (await context({ javaScriptEnabled: false })).newPage();
  await asker.goto(new URL(privateLink, base).href);
  await asker.getByText("If it troubles either of you").waitFor();
  await asker.locator("#reply-thread").fill("Thank you, that helps.");
  await asker.getByRole("button", { name: "Send reply" }).last().click();
  await asker.getByText("Thank you, that helps.").waitFor();
});

test("keyboard only, visible focus, a 360-pixel screen, and 200% zoom", async () => {
  const page = await (await context()).newPage();
  await page.goto(`${base}/ask`);
  const reached = [];
  for (let i = 0; i < 30 && !reached.includes("send"); i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return {
        id: el.id || (el.getAttribute("value") ?? el.textContent.trim()),
        outlined: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
      };
    });
    assert.ok(focused.outlined, `focus is visible on ${focused.id}`);
    reached.push(focused.id);
  }
  for (const field of ["title", "body", "topic", "send"]) {
    assert.ok(reached.includes(field), `Tab reaches ${field}: ${reached.join(", ")}`);
  }

  // A phone 360 pixels wide, and a 1280-pixel window at 200% zoom (640
  // CSS pixels): nothing may need sideways scrolling.
  for (const [width, scale] of [[360, 3], [640, 2]]) {
    const small = await (await context({ viewport: { width, height: 800 }, deviceScaleFactor: scale })).newPage();
    for (const [name, path] of [["home", "/"], ["ask", "/ask"], ["search", "/search?q=cry"], ["login", "/login"]]) {
      await small.goto(base + path);
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name} at ${width}px: ${overflow}px wider than the screen`);
      await check(small, `${name}-${width}px`);
    }
  }
});

test("a Spanish browser gets Spanish pages, and the switcher changes language", async () => {
  const ctx = await context({ locale: "es-ES" });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  assert.equal(await page.getAttribute("html", "lang"), "es");
  await page.getByRole("heading", { name: "Pregunta lo que no puedes preguntar a nadie." }).waitFor();
  await check(page, "home-es");

  // Live suggestions speak Spanish too.
  await page.getByRole("link", { name: "Pregunta de forma anónima" }).first().click();
  await page.locator("#title").pressSequentially("My partner cried after sex, is that normal?", { delay: 15 });
  await page.getByRole("heading", { name: "Preguntas respondidas parecidas a la tuya" }).waitFor();
  await check(page, "ask-es");

  // The switcher: a small form (no script), back to the same page, remembered after.
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForURL(`${base}/ask`);
  await page.getByRole("heading", { name: "Ask anonymously" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.goto(`${base}/search`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.getByRole("button", { name: "Español" }).click();
  await page.getByRole("heading", { name: "Busca en las respuestas" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "es");

  // Spanish runs longer than English: still no sideways scrolling on a phone.
  const small = await (await context({ locale: "es-ES", viewport: { width: 360, height: 800 }, deviceScaleFactor: 3 })).newPage();
  for (const [name, path] of [["home", "/"], ["ask", "/ask"], ["login", "/login"]]) {
    await small.goto(base + path);
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${name} in Spanish at 360px: ${overflow}px wider than the screen`);
  }
});

test("help appears while typing, before anything is sent, on the ask and search pages", async () => {
  const ctx = await context({ locale: "en-US" });
  const page = await ctx.newPage();
  await page.goto(`${base}/ask`);
  await page.locator("#title").pressSequentially("Something happened last night", { delay: 10 });
  await page.locator("#body").pressSequentially("He raped me after the party and I don't know what to do.", { delay: 10 });
  const help = page.locator("#help-live section.help");
  await help.getByRole("heading", { name: "Help that can't wait" }).waitFor();
  assert.ok(await help.locator('a[href="tel:8006564673"]').count(), "RAINN for a US reader");
  // Another country is a click away, and the text stays where it was.
  await help.getByRole("button", { name: "United Kingdom" }).click();
  await help.locator('a[href="tel:08085002222"]').waitFor();
  assert.match(await page.locator("#body").inputValue(), /after the party/);
  await check(page, "ask-help-while-typing");

  await page.goto(`${base}/search`);
  await page.locator("#q").pressSequentially("my boyfriend hits me when he is drunk", { delay: 10 });
  await page.locator("#help-live section.help").getByRole("heading", { name: "Help that can't wait" }).waitFor();
  await check(page, "search-help-while-typing");

  const es = await (await context({ locale: "es-ES" })).newPage();
  await es.goto(`${base}/ask`);
  await es.locator("#body").pressSequentially("Me violaron anoche y no sé qué hacer.", { delay: 10 });
  const ayuda = es.locator("#help-live section.help");
  await ayuda.getByRole("heading", { name: "Ayuda que no puede esperar" }).waitFor();
  assert.ok(await ayuda.locator('a[href="tel:016"]').count(), "016 for a reader in Spain");
  await es.goto(`${base}/search`);
  await es.locator("#q").pressSequentially("me violaron anoche", { delay: 10 });
  await es.locator("#help-live section.help").getByRole("heading", { name: "Ayuda que no puede esperar" }).waitFor();
  await check(es, "search-help-while-typing-es");
});

test("on a 360-pixel screen the quick exit covers no text, on the ask page and a private page", async () => {
  const asked = await api("/api/v1/questions", {
    title: "Is it normal to bleed a little after the first time?",
    body: "It was only a little and it stopped the next day. Should I see someone?",
    topic: "bodies",
  });
  for (const locale of ["en-US", "es-ES"]) {
    const page = await (await context({ locale, viewport: { width: 360, height: 800 }, deviceScaleFactor: 3 })).newPage();
    for (const [name, path] of [["ask", "/ask"], ["private", `/private/${asked.capability}`]]) {
      await page.goto(base + path);
      const covered = await page.evaluate(() => {
        const exit = document.querySelector("a.quick-exit").getBoundingClientRect();
        const hits = [];
        for (const el of document.querySelectorAll("h1, p, label, input")) {
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          const apart = box.right <= exit.left || box.left >= exit.right
            || box.bottom <= exit.top || box.top >= exit.bottom;
          if (!apart) hits.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`);
        }
        return hits;
      });
      assert.deepEqual(covered, [], `${name} page (${locale}) at 360px: the quick exit lies over ${covered.join(", ")}`);
      await check(page, `quick-exit-${name}-${locale}-360px`);
    }
  }
});
