/**
 * A small builder for an ONNX graph: nodes appended in order (so the list is topologically sorted),
 * constants as named initializers (equal scalars shared), and unique tensor names under a scope
 * such as `layer2`.
 */
import { ATTRIBUTE_TYPE, ONNX_FLOAT, ONNX_INT64, type OnnxAttribute, type OnnxNode, type OnnxTensor } from './onnx-proto';

/** Attribute values by name: a number is a FLOAT unless listed in `ints`, an array is INTS. */
export type AttributeValues = Record<string, number | number[]>;

/** Collects the nodes and initializers of one graph. */
export class OnnxGraphBuilder {
  /** The default domain's opset the graph is written for (operators differ between opsets). */
  constructor(readonly opset: number) {}

  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  /** Prefix of the names made next, e.g. `layer1`. */
  scope = 'graph';
  private readonly used = new Set<string>();
  private readonly scalars = new Map<number, string>();

  /** A name not used before: `<scope>/<base>`, or with a `_2`, `_3`… suffix. */
  fresh(base: string): string {
    const stem = `${this.scope}/${base}`;
    let name = stem;
    for (let k = 2; this.used.has(name); k++) name = `${stem}_${k}`;
    this.used.add(name);
    return name;
  }

  /** Appends `op(inputs)` and returns its (single) output's name, `<scope>/<op>` by default. */
  op(opType: string, inputs: string[], attributes: AttributeValues = {}, intAttributes: readonly string[] = []): string {
    const output = this.fresh(opType);
    const attribute: OnnxAttribute[] = Object.entries(attributes).map(([name, v]) =>
      Array.isArray(v)
        ? { name, type: ATTRIBUTE_TYPE.INTS, ints: v }
        : intAttributes.includes(name)
          ? { name, type: ATTRIBUTE_TYPE.INT, i: v }
          : { name, type: ATTRIBUTE_TYPE.FLOAT, f: v },
    );
    this.nodes.push({ name: output, op_type: opType, input: inputs, output: [output], ...(attribute.length ? { attribute } : {}) });
    return output;
  }

  /**
   * `ReduceMax` or `ReduceSum` of `x` over `axes`: ReduceSum takes the axes as an input (opset 13+),
   * ReduceMax as an attribute before opset 18 and as an input from then on.
   */
  reduce(opType: 'ReduceMax' | 'ReduceSum', x: string, axes: number[], keepdims: boolean): string {
    const attributes = { keepdims: keepdims ? 1 : 0 };
    if (opType === 'ReduceMax' && this.opset < 18) return this.op(opType, [x], { ...attributes, axes }, ['keepdims']);
    return this.op(opType, [x, this.int64Vector('axes', axes)], attributes, ['keepdims']);
  }

  /** Appends a node writing to the given output name (e.g. the graph output). */
  opInto(opType: string, inputs: string[], output: string): void {
    this.used.add(output);
    this.nodes.push({ name: this.fresh(opType), op_type: opType, input: inputs, output: [output] });
  }

  /** A float32 initializer of shape `dims` holding `values` (row-major), under a fresh name. */
  floatTensor(base: string, dims: number[], values: ArrayLike<number>): string {
    const name = this.fresh(base);
    this.initializers.push({ name, dims, data_type: ONNX_FLOAT, float_data: Array.from(values, Math.fround) });
    return name;
  }

  /** An int64 initializer of shape [values.length], under a fresh name. */
  int64Vector(base: string, values: number[]): string {
    const name = this.fresh(base);
    this.initializers.push({ name, dims: [values.length], data_type: ONNX_INT64, int64_data: values });
    return name;
  }

  /** A float32 scalar constant (shape []), shared by every use of the same value. */
  scalar(value: number): string {
    const known = this.scalars.get(value);
    if (known !== undefined) return known;
    const name = `const/${value}`;
    this.used.add(name);
    this.initializers.push({ name, dims: [], data_type: ONNX_FLOAT, float_data: [Math.fround(value)] });
    this.scalars.set(value, name);
    return name;
  }
}
