// Traced programs: a sequence of ops recorded while JavaScript runs them once (like
// torch.jit.trace), replayed later without crossing into JavaScript per op. Replays run
// synchronously or on the libuv thread pool (Napi::AsyncWorker), which is what makes a training
// step or a forward pass truly asynchronous. Programs are specialised to the traced input shapes.
#include "common.h"

namespace vigil {

struct Instr {
  const OpEntry* op;
  std::vector<Arg> args;  // tensors replaced by slots
  std::vector<int> outputs;
};

struct Program {
  int num_slots = 0;
  std::vector<std::pair<int, at::Tensor>> constants;  // captured tensors (parameters, constants)
  std::vector<int> input_slots;
  std::vector<std::vector<int64_t>> input_shapes;
  std::vector<at::ScalarType> input_dtypes;
  std::vector<int> output_slots;
  std::vector<Instr> instrs;
  bool initial_grad_mode = true;
  // only while recording
  bool recording = false;
  std::unordered_map<c10::TensorImpl*, int> slot_of;
  std::vector<at::Tensor> keep_alive;  // keeps traced tensors' impls alive so addresses are not reused
  bool busy = false;                   // a replay is in flight
  bool disposed = false;

  int NewSlot(const at::Tensor& t) {
    int s = num_slots++;
    slot_of[t.unsafeGetTensorImpl()] = s;
    keep_alive.push_back(t);
    return s;
  }

  int SlotFor(const at::Tensor& t) {
    auto it = slot_of.find(t.unsafeGetTensorImpl());
    if (it != slot_of.end()) return it->second;
    int s = NewSlot(t);
    constants.emplace_back(s, t);
    return s;
  }
};

void RecordOp(Program* p, const OpEntry* op, const std::vector<Arg>& args, const std::vector<at::Tensor>& outputs) {
  Instr instr{op, args, {}};
  for (Arg& arg : instr.args) {
    if (arg.kind == Arg::Kind::Tensor) {
      arg.slot = p->SlotFor(arg.tensor);
      arg.kind = Arg::Kind::Slot;
      arg.tensor = at::Tensor();
    } else if (arg.kind == Arg::Kind::TensorList) {
      for (const at::Tensor& t : arg.tensors) arg.slots.push_back(p->SlotFor(t));
      arg.kind = Arg::Kind::SlotList;
      arg.slot_list = true;
      arg.tensors.clear();
      arg.optional_tensors.clear();
    }
  }
  for (const at::Tensor& t : outputs) instr.outputs.push_back(p->NewSlot(t));
  p->instrs.push_back(std::move(instr));
}

namespace {

// Puts the current slot values into an instruction's arguments (in place: replays of one program
// never overlap), and takes them out again after the call so the program holds no intermediate.
void Bind(Instr& instr, const std::vector<at::Tensor>& slots) {
  for (Arg& arg : instr.args) {
    if (arg.kind == Arg::Kind::Slot) {
      arg.kind = Arg::Kind::Tensor;
      arg.tensor = slots[arg.slot];
    } else if (arg.kind == Arg::Kind::SlotList) {
      arg.kind = Arg::Kind::TensorList;
      for (int s : arg.slots) {
        arg.tensors.push_back(slots[s]);
        arg.optional_tensors.emplace_back(slots[s]);
      }
    }
  }
}

void Unbind(Instr& instr) {
  for (Arg& arg : instr.args) {
    if (arg.slot >= 0) {
      arg.kind = Arg::Kind::Slot;
      arg.tensor = at::Tensor();
    } else if (arg.slot_list) {
      arg.kind = Arg::Kind::SlotList;
      arg.tensors.clear();
      arg.optional_tensors.clear();
    }
  }
}

std::vector<at::Tensor> Replay(Program& p, const std::vector<at::Tensor>& inputs) {
  std::vector<at::Tensor> slots(p.num_slots);
  for (const auto& [slot, tensor] : p.constants) slots[slot] = tensor;
  for (size_t i = 0; i < inputs.size(); i++) slots[p.input_slots[i]] = inputs[i];
  bool previous = at::GradMode::is_enabled();
  at::GradMode::set_enabled(p.initial_grad_mode);
  try {
    for (Instr& instr : p.instrs) {
      Bind(instr, slots);
      std::vector<at::Tensor> out;
      try {
        out = instr.op->fn(Args(instr.op->name, instr.args));
      } catch (...) {
        Unbind(instr);
        throw;
      }
      Unbind(instr);
      if (out.size() != instr.outputs.size())
        throw std::runtime_error(std::string("replay of ") + instr.op->name + " returned " + std::to_string(out.size()) +
                                 " tensors, traced " + std::to_string(instr.outputs.size()));
      for (size_t k = 0; k < out.size(); k++) slots[instr.outputs[k]] = std::move(out[k]);
    }
  } catch (...) {
    at::GradMode::set_enabled(previous);
    throw;
  }
  at::GradMode::set_enabled(previous);
  std::vector<at::Tensor> outputs;
  for (int s : p.output_slots) outputs.push_back(slots[s]);
  return outputs;
}

class ProgramWrap : public Napi::ObjectWrap<ProgramWrap> {
 public:
  static Napi::Function Define(Napi::Env env) { return DefineClass(env, "ProgramHandle", {}); }
  explicit ProgramWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ProgramWrap>(info) {
    info.This().As<Napi::Object>().TypeTag(&kTag);
  }
  ~ProgramWrap() override {
    // A replay in flight keeps the program alive through the worker's reference; see RunWorker.
    if (recording_data_ != nullptr && recording_data_->recording == &program) recording_data_->recording = nullptr;
  }
  static ProgramWrap* From(const Napi::Value& v) {
    if (!v.IsObject() || !v.As<Napi::Object>().CheckTypeTag(&kTag)) throw ArgError("argument 0 must be a program");
    ProgramWrap* w = Unwrap(v.As<Napi::Object>());
    if (w->program.disposed) throw ArgError("program already disposed");
    return w;
  }
  Program program;
  InstanceData* recording_data_ = nullptr;
  static const napi_type_tag kTag;
};
const napi_type_tag ProgramWrap::kTag = {0x7669676c70726f67ULL, 0x72616d6861646c31ULL};

std::vector<at::Tensor> TensorList(Napi::Env env, const Napi::Value& value, const char* what) {
  if (!value.IsArray()) throw ArgError(std::string(what) + " must be an array of tensors");
  Napi::Array array = value.As<Napi::Array>();
  std::vector<at::Tensor> out;
  for (uint32_t i = 0; i < array.Length(); i++) {
    at::Tensor* t = UnwrapTensor(env, array.Get(i));
    if (t == nullptr) throw ArgError(std::string(what) + "[" + std::to_string(i) + "] is not a tensor");
    out.push_back(*t);
  }
  return out;
}

void CheckInputs(const Program& p, const std::vector<at::Tensor>& inputs) {
  if (p.recording) throw ArgError("program is still being traced");
  if (p.busy) throw ArgError("program is already running (replays of one program do not overlap)");
  if (inputs.size() != p.input_slots.size())
    throw ArgError("program expects " + std::to_string(p.input_slots.size()) + " inputs, got " +
                   std::to_string(inputs.size()));
  for (size_t i = 0; i < inputs.size(); i++) {
    if (inputs[i].sizes() != at::IntArrayRef(p.input_shapes[i]) || inputs[i].scalar_type() != p.input_dtypes[i])
      throw ArgError("program input " + std::to_string(i) + " differs in shape or dtype from the traced input " +
                     "(programs are specialised to traced shapes: trace again for new shapes)");
  }
}

Napi::Value TraceBegin(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    InstanceData* data = Instance(env);
    if (data->recording != nullptr) throw ArgError("a program is already being traced on this thread");
    std::vector<at::Tensor> inputs = TensorList(env, info[0], "inputs");
    Napi::Object obj = data->program_constructor.New({});
    ProgramWrap* w = ProgramWrap::Unwrap(obj);
    Program& p = w->program;
    p.recording = true;
    p.initial_grad_mode = at::GradMode::is_enabled();
    for (const at::Tensor& t : inputs) {
      if (p.slot_of.count(t.unsafeGetTensorImpl())) throw ArgError("the same tensor is given twice as an input");
      p.input_slots.push_back(p.NewSlot(t));
      p.input_shapes.emplace_back(t.sizes().begin(), t.sizes().end());
      p.input_dtypes.push_back(t.scalar_type());
    }
    data->recording = &p;
    w->recording_data_ = data;
    return obj;
  });
}

// traceEnd(program, outputs | null): null aborts the trace (the JS function threw).
Napi::Value TraceEnd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    ProgramWrap* w = ProgramWrap::From(info[0]);
    Program& p = w->program;
    InstanceData* data = Instance(env);
    if (data->recording != &p) throw ArgError("this program is not being traced");
    data->recording = nullptr;
    w->recording_data_ = nullptr;
    p.recording = false;
    bool abort = info[1].IsNull() || info[1].IsUndefined();
    if (!abort) {
      for (const at::Tensor& t : TensorList(env, info[1], "outputs")) {
        auto it = p.slot_of.find(t.unsafeGetTensorImpl());
        p.output_slots.push_back(it != p.slot_of.end() ? it->second : p.SlotFor(t));
      }
    }
    p.slot_of.clear();
    p.keep_alive.clear();
    if (abort) p.disposed = true;
    return env.Undefined();
  });
}

Napi::Value ProgramRun(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    ProgramWrap* w = ProgramWrap::From(info[0]);
    std::vector<at::Tensor> inputs = TensorList(env, info[1], "inputs");
    CheckInputs(w->program, inputs);
    if (Instance(env)->recording != nullptr) throw ArgError("cannot run a program while tracing another");
    return WrapTensors(env, Replay(w->program, inputs), true);
  });
}

class RunWorker : public Napi::AsyncWorker {
 public:
  RunWorker(Napi::Env env, Napi::Object program, std::vector<at::Tensor> inputs, Napi::Value pinnedInputs)
      : Napi::AsyncWorker(env, "vigil:programRun"),
        deferred_(Napi::Promise::Deferred::New(env)),
        inputs_(std::move(inputs)) {
    // Pin the program handle and the input handles for the worker's life: JS may drop them.
    program_ref_ = Napi::Persistent(program);
    inputs_ref_ = Napi::Persistent(pinnedInputs.As<Napi::Object>());
    program_ = ProgramWrap::Unwrap(program);
    program_->program.busy = true;
    threads_ = at::get_num_threads();
  }
  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    try {
      at::set_num_threads(threads_);  // thread pools are per calling thread in OpenMP builds
      outputs_ = Replay(program_->program, inputs_);
    } catch (const c10::Error& e) {
      SetError(e.what_without_backtrace());
    } catch (const std::exception& e) {
      SetError(e.what());
    }
  }
  void OnOK() override {
    program_->program.busy = false;
    Napi::Env env = Env();
    deferred_.Resolve(WrapTensors(env, outputs_, true));
    outputs_.clear();
  }
  void OnError(const Napi::Error& e) override {
    program_->program.busy = false;
    Napi::Error err = Napi::Error::New(Env(), e.Message());
    err.Set("code", Napi::String::New(Env(), "VIGIL_TORCH_ERROR"));
    deferred_.Reject(err.Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  Napi::ObjectReference program_ref_;
  Napi::ObjectReference inputs_ref_;
  ProgramWrap* program_;
  std::vector<at::Tensor> inputs_;
  std::vector<at::Tensor> outputs_;
  int threads_;
};

Napi::Value ProgramRunAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    ProgramWrap* w = ProgramWrap::From(info[0]);
    std::vector<at::Tensor> inputs = TensorList(env, info[1], "inputs");
    CheckInputs(w->program, inputs);
    auto* worker = new RunWorker(env, info[0].As<Napi::Object>(), std::move(inputs), info[1]);
    Napi::Promise promise = worker->Promise();
    worker->Queue();
    return promise;
  });
}

Napi::Value ProgramInfo(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    const Program& p = ProgramWrap::From(info[0])->program;
    Napi::Object out = Napi::Object::New(env);
    out.Set("instructions", static_cast<double>(p.instrs.size()));
    out.Set("slots", p.num_slots);
    out.Set("constants", static_cast<double>(p.constants.size()));
    out.Set("inputs", static_cast<double>(p.input_slots.size()));
    out.Set("outputs", static_cast<double>(p.output_slots.size()));
    Napi::Array ops = Napi::Array::New(env, p.instrs.size());
    for (size_t i = 0; i < p.instrs.size(); i++) ops.Set(static_cast<uint32_t>(i), p.instrs[i].op->name);
    out.Set("ops", ops);
    return out;
  });
}

Napi::Value ProgramDispose(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return Guard(env, [&]() -> Napi::Value {
    if (!info[0].IsObject() || !info[0].As<Napi::Object>().CheckTypeTag(&ProgramWrap::kTag))
      throw ArgError("argument 0 must be a program");
    Program& p = ProgramWrap::Unwrap(info[0].As<Napi::Object>())->program;
    if (p.busy) throw ArgError("program is running; await it before disposing");
    if (p.recording) throw ArgError("program is still being traced");
    p.disposed = true;
    p.constants.clear();
    p.instrs.clear();
    return env.Undefined();
  });
}

}  // namespace

void InitProgram(Napi::Env env, Napi::Object exports, InstanceData* data) {
  data->program_constructor = Napi::Persistent(ProgramWrap::Define(env));
  exports.Set("traceBegin", Napi::Function::New(env, TraceBegin, "traceBegin"));
  exports.Set("traceEnd", Napi::Function::New(env, TraceEnd, "traceEnd"));
  exports.Set("programRun", Napi::Function::New(env, ProgramRun, "programRun"));
  exports.Set("programRunAsync", Napi::Function::New(env, ProgramRunAsync, "programRunAsync"));
  exports.Set("programInfo", Napi::Function::New(env, ProgramInfo, "programInfo"));
  exports.Set("programDispose", Napi::Function::New(env, ProgramDispose, "programDispose"));
}

}  // namespace vigil
