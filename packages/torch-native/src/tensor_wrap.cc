// Tensor and generator handles, their metadata accessors, and the registration of every op
// as a JS function. Handles are type-tagged, say "disposed" after dispose(), and report their
// storage bytes to V8 so the garbage collector feels native memory pressure.
#include <cstring>

#include "common.h"

namespace vigil {

namespace {

const napi_type_tag kTensorTag = {0x7669676c74656e73ULL, 0x6f72686e646c3031ULL};
const napi_type_tag kGeneratorTag = {0x7669676c67656e65ULL, 0x7261746f72303031ULL};

// A tensor handle is a type-tagged JS external (cheaper to create than a class instance: no
// constructor call) owning one TensorBox.
struct TensorBox {
  at::Tensor tensor;
  std::shared_ptr<Counters> counters;
  napi_env env = nullptr;
  int64_t bytes = 0;
  bool live = false;

  // Idempotent: reached from dispose() and from the finaliser.
  void Release() {
    if (!live) return;
    live = false;
    tensor = at::Tensor();
    counters->live_tensors--;
    counters->live_bytes -= bytes;
    ReportBytes(-bytes);
    bytes = 0;
  }

  // V8 is told about native bytes in batches of at least 1 MiB: precise enough to drive the
  // garbage collector, without a V8 call per small tensor.
  void ReportBytes(int64_t delta) {
    if (counters->closing) return;
    counters->unreported_bytes += delta;
    if (counters->unreported_bytes > kReportQuantum || counters->unreported_bytes < -kReportQuantum) {
      napi_adjust_external_memory(env, counters->unreported_bytes, nullptr);
      counters->unreported_bytes = 0;
    }
  }

  static constexpr int64_t kReportQuantum = 1 << 20;
};

void FinalizeTensor(napi_env /*env*/, void* data, void* /*hint*/) {
  auto* box = static_cast<TensorBox*>(data);
  box->Release();
  delete box;
}

class GeneratorWrap : public Napi::ObjectWrap<GeneratorWrap> {
 public:
  static Napi::Function Define(Napi::Env env) { return DefineClass(env, "GeneratorHandle", {}); }
  explicit GeneratorWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<GeneratorWrap>(info) {
    info.This().As<Napi::Object>().TypeTag(&kGeneratorTag);
    generator_ = at::make_generator<at::CPUGeneratorImpl>();
  }
  at::Generator* generator() { return &generator_; }

 private:
  at::Generator generator_;
};

TensorBox* TensorOf(Napi::Env env, const Napi::Value& value) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok || type != napi_external) return nullptr;
  bool tagged = false;
  if (napi_check_object_type_tag(env, value, &kTensorTag, &tagged) != napi_ok || !tagged) return nullptr;
  void* data = nullptr;
  napi_get_value_external(env, value, &data);
  return static_cast<TensorBox*>(data);
}

at::Tensor& LiveTensor(const Napi::CallbackInfo& info, size_t i) {
  TensorBox* w = TensorOf(info.Env(), info[i]);
  if (w == nullptr) throw ArgError("argument " + std::to_string(i) + " must be a tensor");
  if (!w->live) throw ArgError("tensor already disposed");
  return w->tensor;
}

void ForbidWhileTracing(Napi::Env env, const char* what) {
  if (Instance(env)->recording != nullptr)
    throw ArgError(std::string(what) + " reads tensor data into JavaScript and cannot be traced");
}

// Runs one op on already-converted arguments, recording it when a program is being traced.
Napi::Value CallOp(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const OpEntry* op = static_cast<const OpEntry*>(info.Data());
  return Guard(env, [&]() -> Napi::Value {
    std::vector<Arg> values;
    values.reserve(info.Length());
    for (size_t i = 0; i < info.Length(); i++) values.push_back(ArgFromValue(env, info[i]));
    InstanceData* data = Instance(env);
    std::vector<at::Tensor> out = op->fn(Args(op->name, values));
    if (data->recording != nullptr) RecordOp(data->recording, op, values, out);
    return WrapTensors(env, out, op->multi);
  });
}

// ---- metadata and data transfer (never traced: they touch JS values) ----

Napi::Value Shape(const Napi::CallbackInfo& info) {
  return Guard(info.Env(), [&]() -> Napi::Value {
    at::Tensor& t = LiveTensor(info, 0);
    Napi::Array out = Napi::Array::New(info.Env(), t.dim());
    for (int64_t d = 0; d < t.dim(); d++) out.Set(static_cast<uint32_t>(d), Napi::Number::New(info.Env(), t.size(d)));
    return out;
  });
}

Napi::Value Strides(const Napi::CallbackInfo& info) {
  return Guard(info.Env(), [&]() -> Napi::Value {
    at::Tensor& t = LiveTensor(info, 0);
    Napi::Array out = Napi::Array::New(info.Env(), t.dim());
    for (int64_t d = 0; d < t.dim(); d++)
      out.Set(static_cast<uint32_t>(d), Napi::Number::New(info.Env(), t.stride(d)));
    return out;
  });
}

Napi::Value Dtype(const Napi::CallbackInfo& info) {
  return Guard(info.Env(), [&]() -> Napi::Value {
    return Napi::String::New(info.Env(), DtypeName(LiveTensor(info, 0).scalar_type()));
  });
}

Napi::Value Info(const Napi::CallbackInfo& info) {
  // requires_grad, is_leaf, is_contiguous, has_grad in one crossing
  return Guard(info.Env(), [&]() -> Napi::Value {
    at::Tensor& t = LiveTensor(info, 0);
    Napi::Object out = Napi::Object::New(info.Env());
    out.Set("requiresGrad", t.requires_grad());
    out.Set("isLeaf", t.is_leaf());
    out.Set("isContiguous", t.is_contiguous());
    out.Set("hasGrad", t.grad().defined());
    out.Set("numel", static_cast<double>(t.numel()));
    return out;
  });
}

Napi::Value IsDisposed(const Napi::CallbackInfo& info) {
  TensorBox* w = TensorOf(info.Env(), info[0]);
  if (w == nullptr) throw Napi::TypeError::New(info.Env(), "argument 0 must be a tensor");
  return Napi::Boolean::New(info.Env(), !w->live);
}

Napi::Value Dispose(const Napi::CallbackInfo& info) {
  TensorBox* w = TensorOf(info.Env(), info[0]);
  if (w == nullptr) throw Napi::TypeError::New(info.Env(), "argument 0 must be a tensor");
  w->Release();
  return info.Env().Undefined();
}

template <typename T, typename ArrayT>
Napi::Value CopyOut(Napi::Env env, const at::Tensor& t) {
  size_t n = static_cast<size_t>(t.numel());
  ArrayT out = ArrayT::New(env, n);
  if (n > 0) std::memcpy(out.Data(), t.data_ptr<T>(), n * sizeof(T));
  return out;
}

Napi::Value ToBuffer(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    ForbidWhileTracing(env, "toArray()");
    at::NoGradGuard no_grad;
    at::Tensor t = LiveTensor(info, 0).detach().contiguous();
    switch (t.scalar_type()) {
      case at::kFloat: return CopyOut<float, Napi::Float32Array>(env, t);
      case at::kDouble: return CopyOut<double, Napi::Float64Array>(env, t);
      case at::kInt: return CopyOut<int32_t, Napi::Int32Array>(env, t);
      case at::kLong: return CopyOut<int64_t, Napi::BigInt64Array>(env, t);
      case at::kByte: return CopyOut<uint8_t, Napi::Uint8Array>(env, t);
      case at::kBool: {
        at::Tensor b = t.to(at::kByte);
        return CopyOut<uint8_t, Napi::Uint8Array>(env, b);
      }
      case at::kComplexFloat: {
        at::Tensor r = at::view_as_real(t).contiguous();
        return CopyOut<float, Napi::Float32Array>(env, r);
      }
      case at::kComplexDouble: {
        at::Tensor r = at::view_as_real(t).contiguous();
        return CopyOut<double, Napi::Float64Array>(env, r);
      }
      default: throw ArgError("toArray: unsupported dtype");
    }
  });
}

Napi::Value Item(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    ForbidWhileTracing(env, "item()");
    at::Tensor& t = LiveTensor(info, 0);
    if (t.numel() != 1) throw ArgError("item(): tensor has " + std::to_string(t.numel()) + " elements, expected 1");
    if (t.scalar_type() == at::kBool) return Napi::Boolean::New(env, t.item<bool>());
    return Napi::Number::New(env, t.item<double>());
  });
}

// from_buffer(typedArray, shape, dtype): copies JS memory into a new tensor of `dtype`.
Napi::Value FromBuffer(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    if (!info[0].IsTypedArray()) throw ArgError("fromArray: argument 0 must be a typed array");
    Napi::TypedArray array = info[0].As<Napi::TypedArray>();
    Arg shapeArg = ArgFromValue(env, info[1]);
    std::vector<Arg> holder;
    holder.push_back(shapeArg);
    Args args("fromArray", holder);
    std::vector<int64_t> shape(args.Ints(0).begin(), args.Ints(0).end());
    at::ScalarType source;
    switch (array.TypedArrayType()) {
      case napi_float32_array: source = at::kFloat; break;
      case napi_float64_array: source = at::kDouble; break;
      case napi_int32_array: source = at::kInt; break;
      case napi_bigint64_array: source = at::kLong; break;
      case napi_uint8_array: source = at::kByte; break;
      default: throw ArgError("fromArray: supported typed arrays are Float32, Float64, Int32, BigInt64, Uint8");
    }
    int64_t numel = 1;
    for (int64_t s : shape) {
      if (s < 0) throw ArgError("fromArray: negative dimension in shape");
      numel *= s;
    }
    if (numel != static_cast<int64_t>(array.ElementLength()))
      throw ArgError("fromArray: shape holds " + std::to_string(numel) + " elements but the array has " +
                     std::to_string(array.ElementLength()));
    uint8_t* base = static_cast<uint8_t*>(array.ArrayBuffer().Data()) + array.ByteOffset();
    at::Tensor view = at::from_blob(base, shape, at::TensorOptions().dtype(source));
    at::ScalarType target = info.Length() > 2 && !info[2].IsUndefined()
                                ? DtypeFromName(info[2].As<Napi::String>().Utf8Value())
                                : source;
    at::Tensor t = view.to(target, /*non_blocking=*/false, /*copy=*/true);
    return WrapTensor(env, std::move(t));
  });
}

Napi::Value Memory(const Napi::CallbackInfo& info) {
  const Counters& c = *Instance(info.Env())->counters;
  Napi::Object out = Napi::Object::New(info.Env());
  out.Set("tensors", static_cast<double>(c.live_tensors));
  out.Set("bytes", static_cast<double>(c.live_bytes));
  return out;
}

Napi::Value SetNumThreads(const Napi::CallbackInfo& info) {
  return Guard(info.Env(), [&]() -> Napi::Value {
    if (!info[0].IsNumber()) throw ArgError("setNumThreads: argument 0 must be a positive integer");
    int n = info[0].As<Napi::Number>().Int32Value();
    if (n < 1) throw ArgError("setNumThreads: argument 0 must be a positive integer");
    at::set_num_threads(n);
    return info.Env().Undefined();
  });
}

Napi::Value GetNumThreads(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), at::get_num_threads());
}

Napi::Value ManualSeed(const Napi::CallbackInfo& info) {
  return Guard(info.Env(), [&]() -> Napi::Value {
    if (!info[0].IsNumber()) throw ArgError("manualSeed: argument 0 must be a number");
    at::manual_seed(static_cast<uint64_t>(info[0].As<Napi::Number>().Int64Value()));
    return info.Env().Undefined();
  });
}

Napi::Value NewGenerator(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    Napi::Object obj = Instance(env)->generator_constructor.New({});
    GeneratorWrap* g = GeneratorWrap::Unwrap(obj);
    if (info.Length() > 0 && info[0].IsNumber()) {
      std::lock_guard<std::mutex> lock(g->generator()->mutex());
      g->generator()->set_current_seed(static_cast<uint64_t>(info[0].As<Napi::Number>().Int64Value()));
    }
    return obj;
  });
}

Napi::Value ToString(const Napi::CallbackInfo& info) {
  return Guard(info.Env(), [&]() -> Napi::Value {
    std::ostringstream os;
    os << LiveTensor(info, 0);
    return Napi::String::New(info.Env(), os.str());
  });
}

Napi::Value Versions(const Napi::CallbackInfo& info) {
  Napi::Object out = Napi::Object::New(info.Env());
  out.Set("libtorch", TORCH_VERSION);
  out.Set("parallel", at::get_parallel_info());
  out.Set("config", at::show_config());
  return out;
}

void Register(Napi::Env env, Napi::Object target, const std::vector<OpEntry>& ops) {
  for (const OpEntry& op : ops)
    target.Set(op.name, Napi::Function::New(env, CallOp, op.name, const_cast<OpEntry*>(&op)));
}

}  // namespace

at::Tensor* UnwrapTensor(Napi::Env env, const Napi::Value& value) {
  TensorBox* w = TensorOf(env, value);
  if (w == nullptr) return nullptr;
  if (!w->live) throw ArgError("tensor already disposed");
  return &w->tensor;
}

at::Generator* UnwrapGenerator(const Napi::Value& value) {
  if (!value.IsObject()) return nullptr;
  Napi::Object obj = value.As<Napi::Object>();
  if (!obj.CheckTypeTag(&kGeneratorTag)) return nullptr;
  return GeneratorWrap::Unwrap(obj)->generator();
}

Napi::Value WrapTensor(Napi::Env env, at::Tensor tensor) {
  auto* box = new TensorBox();
  box->env = env;
  box->counters = Instance(env)->counters;
  // Views share their base's storage: count bytes only for tensors that own it.
  box->bytes = (tensor.defined() && !tensor.is_view()) ? static_cast<int64_t>(tensor.storage().nbytes()) : 0;
  box->tensor = std::move(tensor);
  box->live = true;
  box->counters->live_tensors++;
  box->counters->live_bytes += box->bytes;
  box->ReportBytes(box->bytes);
  napi_value value;
  if (napi_create_external(env, box, FinalizeTensor, nullptr, &value) != napi_ok) {
    box->Release();
    delete box;
    throw Napi::Error::New(env, "could not create a tensor handle");
  }
  napi_type_tag_object(env, value, &kTensorTag);
  return Napi::Value(env, value);
}

Napi::Value WrapTensors(Napi::Env env, const std::vector<at::Tensor>& tensors, bool multi) {
  if (multi) {
    Napi::Array out = Napi::Array::New(env, tensors.size());
    for (size_t i = 0; i < tensors.size(); i++) out.Set(static_cast<uint32_t>(i), WrapTensor(env, tensors[i]));
    return out;
  }
  if (tensors.empty()) return env.Undefined();
  return WrapTensor(env, tensors[0]);
}

void InitTensor(Napi::Env env, Napi::Object exports, InstanceData* data) {
  data->generator_constructor = Napi::Persistent(GeneratorWrap::Define(env));
  exports.Set("shape", Napi::Function::New(env, Shape, "shape"));
  exports.Set("strides", Napi::Function::New(env, Strides, "strides"));
  exports.Set("dtype", Napi::Function::New(env, Dtype, "dtype"));
  exports.Set("info", Napi::Function::New(env, Info, "info"));
  exports.Set("isDisposed", Napi::Function::New(env, IsDisposed, "isDisposed"));
  exports.Set("dispose", Napi::Function::New(env, Dispose, "dispose"));
  exports.Set("toArray", Napi::Function::New(env, ToBuffer, "toArray"));
  exports.Set("item", Napi::Function::New(env, Item, "item"));
  exports.Set("fromArray", Napi::Function::New(env, FromBuffer, "fromArray"));
  exports.Set("memory", Napi::Function::New(env, Memory, "memory"));
  exports.Set("setNumThreads", Napi::Function::New(env, SetNumThreads, "setNumThreads"));
  exports.Set("getNumThreads", Napi::Function::New(env, GetNumThreads, "getNumThreads"));
  exports.Set("manualSeed", Napi::Function::New(env, ManualSeed, "manualSeed"));
  exports.Set("generator", Napi::Function::New(env, NewGenerator, "generator"));
  exports.Set("toString", Napi::Function::New(env, ToString, "toString"));
  exports.Set("versions", Napi::Function::New(env, Versions, "versions"));
  Napi::Object ops = Napi::Object::New(env);
  Register(env, ops, TensorOps());
  Register(env, ops, NnOps());
  exports.Set("ops", ops);
}

}  // namespace vigil
