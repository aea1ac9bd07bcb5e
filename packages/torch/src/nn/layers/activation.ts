import type { Tensor } from "../../tensor/tensor.ts";
import { gelu, relu, sigmoid, silu, tanh } from "../functional.ts";
import { UnaryModule } from "../module.ts";

export class ReLU extends UnaryModule {
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}
export class GELU extends UnaryModule {
  forward(x: Tensor): Tensor {
    return gelu(x);
  }
}
export class SiLU extends UnaryModule {
  forward(x: Tensor): Tensor {
    return silu(x);
  }
}
export class Tanh extends UnaryModule {
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}
export class Sigmoid extends UnaryModule {
  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}
