/**
 * A test-only layer kind, `scale`: y = x ⊙ s with a trainable vector s (one factor per feature,
 * 1 at the start). Registered by the tests that use it (`registerLayerKind(scaleKind)`), it proves
 * that a new kind needs no change outside its own file to be validated, trained, saved, reloaded
 * and exported to PyTorch and ONNX. Backward: ds_j = Σ_i dy_ij·x_ij, dx = dy ⊙ s.
 */
import type { FloatArray } from '../../../src/core/linalg/float-array';
import { BatchBuffer } from '../../../src/core/layers/batch-buffer';
import { featureCount, type LayerKind, type ResolvedLayer } from '../../../src/core/layers/kinds/kind';
import { NO_INPUT_GRADIENT, type Layer, type LayerShape } from '../../../src/core/layers/layer';
import { allocatorOf, type DenseKernel } from '../../../src/core/linalg/kernel';

/** The kind's name. */
export const SCALE = 'scale';

/** A resolved scale layer (no keys besides its type). */
export interface ScaleSpec extends ResolvedLayer {
  type: typeof SCALE;
}

/** y = x ⊙ s for each sample. */
export class ScaleLayer implements Layer {
  /** The factors s[features]. */
  readonly s: FloatArray;
  /** dL/ds. */
  readonly ds: FloatArray;
  propagateDown = true;
  private x: FloatArray = NO_INPUT_GRADIENT;
  private n = 0;
  private readonly y: BatchBuffer;
  private readonly dx: BatchBuffer;

  /** A layer of `inputs` features (s = 0 until initialised). */
  constructor(
    readonly inputs: number,
    kernel: DenseKernel,
  ) {
    const alloc = allocatorOf(kernel);
    this.s = alloc(inputs);
    this.ds = alloc(inputs);
    this.y = new BatchBuffer(alloc);
    this.dx = new BatchBuffer(alloc);
  }

  /** Output features (= inputs). */
  get outputs(): number {
    return this.inputs;
  }

  /** y_ij = x_ij·s_j. */
  forward(x: FloatArray, n: number): FloatArray {
    const f = this.inputs;
    this.x = x;
    this.n = n;
    const y = this.y.fit(n * f);
    for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) y[i * f + j] = x[i * f + j] * this.s[j];
    return y;
  }

  /** ds_j = Σ_i dy_ij·x_ij; dx_ij = dy_ij·s_j. */
  backward(dy: FloatArray): FloatArray {
    const { n, inputs: f, x } = this;
    this.ds.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) this.ds[j] += dy[i * f + j] * x[i * f + j];
    if (!this.propagateDown) return NO_INPUT_GRADIENT;
    const dx = this.dx.fit(n * f);
    for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) dx[i * f + j] = dy[i * f + j] * this.s[j];
    return dx;
  }

  params(): FloatArray[] {
    return [this.s];
  }

  grads(): FloatArray[] {
    return [this.ds];
  }

  shape(): LayerShape {
    return { type: SCALE, inputs: this.inputs, units: this.inputs };
  }

  /** The same in training and evaluation. */
  setTraining(): void {}
}

const PYTHON_SCALE = String.raw`
class Scale(nn.Module):
    """y = x * s, one trainable factor per feature (NN Lab's test-only "scale" layer)."""

    def __init__(self, features):
        super().__init__()
        self.s = nn.Parameter(torch.ones(features, dtype=torch.float64))

    def forward(self, x):
        return x * self.s

    @torch.no_grad()
    def nnlab_init(self, rng, kind, scale):
        self.s.fill_(1.0)

    @torch.no_grad()
    def nnlab_load(self, layer):
        self.s.copy_(torch.tensor(layer["s"], dtype=torch.float64))
`;

/** The scale layer kind. */
export const scaleKind: LayerKind<ScaleSpec> = {
  name: SCALE,
  doc: 'Scale: y = x ⊙ s, one trainable factor per feature (test only).',
  keys: {},
  snippet: { type: SCALE },
  trainingDiffers: false,
  resolve: () => ({ type: SCALE }),
  activation: () => undefined,
  outputShape: (_spec, input) => input,
  paramCount: (_spec, input) => featureCount(input),
  summary: (_spec, input) => `scale ${featureCount(input)}`,
  label: (shape) => `scale ${shape.units}`,
  create: (_spec, input, ctx) => new ScaleLayer(featureCount(input), ctx.kernel),
  initialize: (layer) => layer.params()[0].fill(1),
  file: {
    params: ['s'],
    checkFields: () => ({}),
    outputs: (inputs) => inputs,
    paramLengths: (inputs) => [inputs],
    mismatch: () => undefined,
  },
  onnx: {
    emit: (g, _spec, layer, x) => g.op('Mul', [x, g.floatTensor('s', [layer.inputs], layer.params()[0])]),
    label: () => 'scale',
  },
  pytorch: {
    modules: (_spec, input) => ({ modules: [`Scale(${featureCount(input)})`] }),
    classes: { Scale: PYTHON_SCALE },
  },
};
