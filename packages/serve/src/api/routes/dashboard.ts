import type { FastifyInstance } from "fastify";

export type DashboardFiles = ReadonlyMap<string, { body: Uint8Array; contentType: string }>;

/**
 * The dashboard's files at their paths, "/" answering with /index.html. Public: the page holds no
 * data; everything it shows comes from the API, which checks tokens.
 */
export function registerDashboardRoutes(app: FastifyInstance, files: DashboardFiles): void {
  for (const [path, file] of files) {
    const urls = path === "/index.html" ? ["/", path] : [path];
    for (const url of urls) {
      app.get(url, { schema: { hide: true } }, async (_request, reply) => {
        reply.type(file.contentType).header("cache-control", "no-cache");
        return Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength);
      });
    }
  }
}
