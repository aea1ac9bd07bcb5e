import { BatchNorm1d, Conv1d, F, Linear, type Tensor, UnaryModule } from "@vigil/torch";

/**
 * SLAC Appendix E classifier: three dilated 1-D convolutions (kernel 8, padding 1, dilation 3,
 * stride 4; 32/64/128 channels), a fully connected layer of 128 and one output logit; batch norm and
 * ReLU after every layer but the last. For (8, 720) inputs the shapes run (32, 176), (64, 40),
 * (128, 6) = 768, 128, 1 (Figure 8). Kaiming-uniform initialisation is the layers' default.
 */
export class DilatedCnn extends UnaryModule {
  private readonly convs: Conv1d[];
  private readonly norms: BatchNorm1d[];
  private readonly hidden: Linear;
  private readonly hiddenNorm: BatchNorm1d;
  private readonly out: Linear;

  constructor(inChannels: number, pulses: number) {
    super();
    const widths = [inChannels, 32, 64, 128];
    this.convs = [];
    this.norms = [];
    let length = pulses;
    for (let k = 0; k < 3; k++) {
      this.convs.push(
        this.registerModule(
          `conv${k}`,
          new Conv1d(widths[k]!, widths[k + 1]!, 8, { padding: 1, dilation: 3, stride: 4 }),
        ),
      );
      this.norms.push(this.registerModule(`norm${k}`, new BatchNorm1d(widths[k + 1]!)));
      length = Math.floor((length + 2 - 3 * 7 - 1) / 4) + 1;
    }
    this.hidden = this.registerModule("fc", new Linear(128 * length, 128));
    this.hiddenNorm = this.registerModule("fcNorm", new BatchNorm1d(128));
    this.out = this.registerModule("out", new Linear(128, 1));
  }

  /** x: (batch, channels, pulses) → logits (batch, 1). */
  forward(x: Tensor): Tensor {
    let h = x;
    for (let k = 0; k < this.convs.length; k++) h = F.relu(this.norms[k]!.forward(this.convs[k]!.forward(h)));
    return this.out.forward(F.relu(this.hiddenNorm.forward(this.hidden.forward(h.flatten(1)))));
  }
}
