// A small ONNX graph builder: named initializers, nodes with generated output names, and a
// ModelProto encoder. Knows nothing about transformers; the encoder layers build on it.
import { AttributeType, DataType, onnxModelType, type DataTypeCode } from "./onnx-proto.js";

export type Dim = number | string;

/** An attribute value: an integer, a list of integers, a float (`{ float: x }`) or a subgraph (`{ graph: b }`). */
export type AttrValue = number | number[] | { float: number } | { graph: GraphBuilder };

interface TensorMessage {
  name: string;
  dims: number[];
  data_type: number;
  raw_data: Uint8Array;
}

interface ValueInfoMessage {
  name: string;
  type: { tensor_type: { elem_type: number; shape: { dim: ({ dim_value: number } | { dim_param: string })[] } } };
}

interface NodeMessage {
  name: string;
  op_type: string;
  input: string[];
  output: string[];
  attribute: Record<string, unknown>[];
}

function bytesOf(data: ArrayBufferView): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function valueInfo(name: string, elemType: DataTypeCode, dims: Dim[]): ValueInfoMessage {
  const dim = dims.map((d) => (typeof d === "number" ? { dim_value: d } : { dim_param: d }));
  return { name, type: { tensor_type: { elem_type: elemType, shape: { dim } } } };
}

function attribute(name: string, value: AttrValue): Record<string, unknown> {
  if (typeof value === "number") return { name, type: AttributeType.INT, i: value };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if ("graph" in value) return { name, type: AttributeType.GRAPH, g: value.graph.graphMessage() };
  return { name, type: AttributeType.FLOAT, f: value.float };
}

export class GraphBuilder {
  private readonly nodes: NodeMessage[] = [];
  private readonly initializers: TensorMessage[] = [];
  private readonly inputs: ValueInfoMessage[] = [];
  private readonly outputs: ValueInfoMessage[] = [];
  private readonly constants = new Map<string, string>();
  private readonly subgraphs: GraphBuilder[] = [];
  private counter = 0;

  /** `namePrefix` keeps a subgraph's generated names apart from its parent's (ONNX forbids shadowing). */
  constructor(
    readonly name: string,
    private readonly namePrefix = "",
  ) {}

  input(name: string, elemType: DataTypeCode, dims: Dim[]): string {
    this.inputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  output(name: string, elemType: DataTypeCode, dims: Dim[]): void {
    this.outputs.push(valueInfo(name, elemType, dims));
  }

  initializer(name: string, dataType: DataTypeCode, dims: number[], data: ArrayBufferView): string {
    this.initializers.push({ name, dims, data_type: dataType, raw_data: bytesOf(data) });
    return name;
  }

  /** A small constant tensor, shared by value so repeated shapes and scalars are stored once. */
  constant(dataType: typeof DataType.FLOAT | typeof DataType.INT64, values: number[], dims: number[]): string {
    const key = `${dataType}:${dims.join("x")}:${values.join(",")}`;
    const known = this.constants.get(key);
    if (known) return known;
    const data = dataType === DataType.FLOAT ? Float32Array.from(values) : BigInt64Array.from(values.map(BigInt));
    const name = this.initializer(`${this.namePrefix}const_${this.constants.size}`, dataType, dims, data);
    this.constants.set(key, name);
    return name;
  }

  /** Adds a node; returns its output names (generated unless given). */
  op(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}, outputs: number | string[] = 1): string[] {
    const id = this.counter++;
    const out = Array.isArray(outputs) ? outputs : Array.from({ length: outputs }, (_, i) => `${this.namePrefix}${opType}_${id}_${i}`);
    const attrList = Object.entries(attrs).map(([k, v]) => attribute(k, v));
    for (const v of Object.values(attrs)) if (typeof v === "object" && "graph" in v) this.subgraphs.push(v.graph);
    this.nodes.push({ name: `${this.namePrefix}${opType}_${id}`, op_type: opType, input: inputs, output: out, attribute: attrList });
    return out;
  }

  /** Like `op` for a node with one output. */
  op1(opType: string, inputs: string[], attrs: Record<string, AttrValue> = {}, output?: string): string {
    return this.op(opType, inputs, attrs, output ? [output] : 1)[0]!;
  }

  /** Number of stored weight values (initializer elements), for parameter counts. */
  parameterCount(): number {
    const width: Record<number, number> = { 1: 4, 2: 1, 3: 1, 6: 4, 7: 8 };
    const own = this.initializers.reduce((n, t) => n + t.raw_data.byteLength / (width[t.data_type] ?? 1), 0);
    return this.subgraphs.reduce((n, sub) => n + sub.parameterCount(), own);
  }

  /** The GraphProto message (also the body of an If branch). */
  graphMessage(): object {
    return { name: this.name, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs };
  }

  encode(opset: number, producer: string): Uint8Array {
    const graph = this.graphMessage();
    const model = {
      ir_version: 8,
      producer_name: producer,
      producer_version: "1",
      graph,
      opset_import: [{ domain: "", version: opset }],
    };
    return onnxModelType().encode(model).finish();
  }
}
