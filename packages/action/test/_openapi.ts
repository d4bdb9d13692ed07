// Checks HTTP requests and responses against GitHub's published OpenAPI description (from the
// @octokit/openapi package), so the fake server in these tests cannot drift from the real API:
// an unknown route, a wrong method, an unknown query parameter, a body the operation does not
// accept, or a response our fake makes up that GitHub would never send, all show up as violations.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS with a default export; under NodeNext its type is the module namespace.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Json;
  "x-multi-segment"?: boolean;
}

export interface Operation {
  method: string;
  template: string;
  operationId: string;
  parameters: Parameter[];
  requestBody: { required: boolean; schemaPointer: string } | null;
  /** status → JSON pointer of its application/json schema (null when the response has no body). */
  responses: Map<string, string | null>;
  /** status → the example GitHub documents for it, if any. */
  examples: Map<string, unknown>;
  pattern: RegExp;
  pathParams: Parameter[];
  literalChars: number;
}

export interface RouteMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** OpenAPI 3.0 → JSON Schema where they differ: `nullable`. Returns a new tree. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = toJsonSchema(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === "string") {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: "null" }] };
  }
  // `nullable: false` is OpenAPI's default; a *property* named nullable would be an object and stays.
  if (out.nullable === false) delete out.nullable;
  return out;
}

export function loadGitHubOpenApi(): Json {
  const require = createRequire(import.meta.url);
  // The package's index.js loads every GitHub flavour (hundreds of MB); read only api.github.com.
  const root = dirname(require.resolve("@octokit/openapi/package.json"));
  return JSON.parse(readFileSync(join(root, "generated", "api.github.com.json"), "utf8")) as Json;
}

export class OpenApiValidator {
  readonly operations: Operation[] = [];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly doc: Json;

  constructor(doc: Json) {
    this.doc = doc;
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true, validateSchema: false });
    addFormats(this.ajv);
    // Only components and paths are schemas' neighbours; refs inside resolve against this root.
    this.ajv.addSchema({ $id: "gh", components: toJsonSchema(doc.components), paths: toJsonSchema(doc.paths) } as object);
    for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
      for (const [method, raw] of Object.entries(item)) {
        if (!["get", "post", "put", "patch", "delete", "head"].includes(method)) continue;
        this.operations.push(this.operation(template, method, raw as Json));
      }
    }
  }

  private resolve<T>(node: unknown): T {
    let current = node as Json;
    while (typeof current === "object" && current !== null && typeof current.$ref === "string") {
      const pointer = (current.$ref as string).replace(/^#\//, "").split("/");
      let target: unknown = this.doc;
      for (const part of pointer) target = (target as Json)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
      current = target as Json;
    }
    return current as T;
  }

  private operation(template: string, method: string, raw: Json): Operation {
    const parameters = ((raw.parameters as unknown[]) ?? []).map((p) => this.resolve<Parameter>(p));
    const base = `gh#/paths/${escapePointer(template)}/${method}`;
    let requestBody: Operation["requestBody"] = null;
    if (raw.requestBody) {
      const body = this.resolve<Json>(raw.requestBody);
      const content = body.content as Record<string, Json> | undefined;
      if (content?.["application/json"]) {
        requestBody = { required: body.required === true, schemaPointer: this.schemaPointer(raw.requestBody, `${base}/requestBody`) };
      }
    }
    const responses = new Map<string, string | null>();
    const examples = new Map<string, unknown>();
    for (const [status, r] of Object.entries(raw.responses as Json)) {
      const response = this.resolve<Json>(r);
      const json = (response.content as Record<string, Json> | undefined)?.["application/json"];
      const pointer = typeof (r as Json).$ref === "string" ? `gh${(r as Json).$ref as string}` : `${base}/responses/${status}`;
      responses.set(status, json?.schema ? `${pointer}/content/application~1json/schema` : null);
      const exampleRef = json?.examples ? Object.values(json.examples as Json)[0] : undefined;
      if (exampleRef) examples.set(status, this.resolve<Json>(exampleRef).value);
    }
    const pathParams = parameters.filter((p) => p.in === "path");
    const source = template
      .split("/")
      .map((segment) => {
        const m = /^\{(.+)\}$/.exec(segment);
        if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        return pathParams.find((p) => p.name === m[1])?.["x-multi-segment"] ? "(.+)" : "([^/]+)";
      })
      .join("/");
    return {
      method: method.toUpperCase(),
      template,
      operationId: String(raw.operationId),
      parameters,
      requestBody,
      responses,
      examples,
      pattern: new RegExp(`^${source}$`),
      pathParams:
        template
          .match(/\{[^}]+\}/g)
          ?.map((n) => pathParams.find((p) => `{${p.name}}` === n) ?? { name: n.slice(1, -1), in: "path" as const }) ?? [],
      literalChars: template.replace(/\{[^}]+\}/g, "").length,
    };
  }

  private schemaPointer(requestBody: unknown, fallback: string): string {
    const ref = (requestBody as Json).$ref;
    return `${typeof ref === "string" ? `gh${ref}` : fallback}/content/application~1json/schema`;
  }

  private validator(pointer: string): ValidateFunction {
    let v = this.compiled.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: pointer });
      this.compiled.set(pointer, v);
    }
    return v;
  }

  private check(pointer: string, data: unknown, what: string): string[] {
    const validate = this.validator(pointer);
    if (validate(data)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${what}${e.instancePath || "/"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  }

  /** The documented operation for a method and raw (still percent-encoded) path, or why there is none. */
  match(method: string, rawPath: string): RouteMatch | string {
    const candidates = this.operations
      .map((operation) => ({ operation, m: operation.pattern.exec(rawPath) }))
      .filter((c): c is { operation: Operation; m: RegExpExecArray } => c.m !== null)
      .sort((a, b) => b.operation.literalChars - a.operation.literalChars);
    if (candidates.length === 0) return `no documented path matches ${rawPath}`;
    const withMethod = candidates.filter((c) => c.operation.method === method);
    if (withMethod.length === 0) return `${method} is not documented for ${candidates[0]?.operation.template}`;
    const { operation, m } = withMethod[0] as { operation: Operation; m: RegExpExecArray };
    const pathParams: Record<string, string> = {};
    operation.pathParams.forEach((p, i) => (pathParams[p.name] = decodeURIComponent(m[i + 1] ?? "")));
    return { operation, pathParams };
  }

  private checkParam(p: Parameter, raw: string, where: string): string[] {
    const type = p.schema?.type;
    let value: unknown = raw;
    if (type === "integer" || type === "number") {
      if (!/^-?[0-9]+(\.[0-9]+)?$/.test(raw)) return [`${where} parameter ${p.name}="${raw}" is not a ${String(type)}`];
      value = Number(raw);
    } else if (type === "boolean") {
      if (raw !== "true" && raw !== "false") return [`${where} parameter ${p.name}="${raw}" is not a boolean`];
      value = raw === "true";
    }
    if (!p.schema) return [];
    const v = this.ajv.compile(toJsonSchema(p.schema) as object);
    return v(value) ? [] : [`${where} parameter ${p.name}="${raw}": ${this.ajv.errorsText(v.errors)}`];
  }

  /** Everything wrong with a request for the matched operation; empty when GitHub would accept its shape. */
  validateRequest(
    route: RouteMatch,
    query: URLSearchParams,
    headers: Record<string, string | string[] | undefined>,
    body: string,
  ): string[] {
    const { operation } = route;
    const what = `${operation.method} ${operation.template}`;
    const issues: string[] = [];
    for (const p of operation.pathParams) issues.push(...this.checkParam(p, route.pathParams[p.name] ?? "", `${what}: path`));
    const queryParams = operation.parameters.filter((p) => p.in === "query");
    for (const key of new Set(query.keys())) {
      const p = queryParams.find((q) => q.name === key);
      if (!p) issues.push(`${what}: undocumented query parameter "${key}"`);
      else issues.push(...this.checkParam(p, query.get(key) ?? "", `${what}: query`));
    }
    for (const p of queryParams) if (p.required && !query.has(p.name)) issues.push(`${what}: missing required query parameter "${p.name}"`);
    const auth = headers.authorization;
    if (typeof auth !== "string" || !/^(token|bearer) \S+$/i.test(auth)) issues.push(`${what}: no Authorization header with a token`);
    if (operation.requestBody) {
      if (body === "") {
        if (operation.requestBody.required) issues.push(`${what}: missing the required JSON body`);
      } else {
        const type = String(headers["content-type"] ?? "");
        if (!type.startsWith("application/json")) issues.push(`${what}: body sent as "${type}", not application/json`);
        let data: unknown;
        try {
          data = JSON.parse(body);
          issues.push(...this.check(operation.requestBody.schemaPointer, data, `${what}: request body`));
        } catch {
          issues.push(`${what}: body is not JSON`);
        }
      }
    } else if (body !== "") issues.push(`${what}: this operation takes no body, got ${body.length} bytes`);
    return issues;
  }

  /** Everything wrong with a response the fake is about to send. */
  validateResponse(operation: Operation, status: number, body: unknown): string[] {
    const what = `${operation.method} ${operation.template} → ${status}`;
    if (!operation.responses.has(String(status)))
      return [`${what}: status not documented (documented: ${[...operation.responses.keys()].join(", ")})`];
    const pointer = operation.responses.get(String(status));
    if (!pointer) return body === undefined || body === null ? [] : [`${what}: documented without a body, but one was sent`];
    return this.check(pointer, body, `${what}: response`);
  }

  /** A fresh copy of the example GitHub documents for this operation and status. */
  example(operation: Operation, status: number): Json {
    const example = operation.examples.get(String(status));
    if (example === undefined) throw new Error(`${operation.operationId}: no documented example for ${status}`);
    return structuredClone(example) as Json;
  }
}
