/**
 * Coalesces many requests to redraw into one call per animation frame: a view marks what changed as
 * messages arrive (dozens per second across a fleet) and draws once per frame, so the browser never
 * lays out the page more often than it paints it.
 */
export class FrameBatcher {
  private frame: number | undefined;
  private disposed = false;

  constructor(private readonly render: () => void) {}

  request(): void {
    if (this.frame !== undefined || this.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.render();
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }
}
