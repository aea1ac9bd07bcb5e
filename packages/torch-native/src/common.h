// Shared declarations of the libtorch binding. The binding only wraps: every op takes a list of
// positional arguments (tensors, numbers, booleans, strings, lists, null) and returns tensors.
// The same op table serves direct calls from JavaScript and the replay of traced programs.
#pragma once

#include <napi.h>
#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigil {

// ---- dtypes: the one mapping table between JS names and libtorch scalar types ----
struct DtypeEntry {
  const char* name;
  at::ScalarType type;
};
extern const DtypeEntry kDtypes[];
extern const size_t kDtypeCount;
at::ScalarType DtypeFromName(const std::string& name);
const char* DtypeName(at::ScalarType type);

// ---- positional arguments ----
struct Arg {
  enum class Kind { None, Tensor, Number, Bool, String, NumberList, TensorList, Generator, Slot, SlotList };
  Kind kind = Kind::None;
  at::Tensor tensor;
  double number = 0;
  bool boolean = false;
  std::string string;
  std::vector<double> numbers;
  std::vector<int64_t> ints;  // numbers as int64 when every element is integral
  bool all_integral = true;
  std::vector<at::Tensor> tensors;
  std::vector<c10::optional<at::Tensor>> optional_tensors;  // same as tensors, for ops taking optional lists
  at::Generator generator;
  int slot = -1;            // traced programs: a tensor slot
  std::vector<int> slots;   // traced programs: a tensor-list of slots
  bool slot_list = false;   // traced programs: this argument is a (possibly empty) list of slots
};

// Typed accessors: a wrong kind throws ArgError naming the op and the position.
class Args {
 public:
  // A view: the argument vector outlives the call (a local in CallOp, an instruction in a replay).
  Args(const char* op, const std::vector<Arg>& values) : op_(op), values_(values) {}
  size_t size() const { return values_.size(); }
  bool IsNone(size_t i) const { return i >= values_.size() || values_[i].kind == Arg::Kind::None; }
  bool IsTensor(size_t i) const { return i < values_.size() && values_[i].kind == Arg::Kind::Tensor; }
  bool IsNumber(size_t i) const { return i < values_.size() && values_[i].kind == Arg::Kind::Number; }
  const at::Tensor& Tensor(size_t i) const;
  c10::optional<at::Tensor> OptTensor(size_t i) const;
  double Double(size_t i) const;
  int64_t Int(size_t i) const;
  c10::optional<double> OptDouble(size_t i) const;
  c10::optional<int64_t> OptInt(size_t i) const;
  bool Bool(size_t i) const;
  bool BoolOr(size_t i, bool fallback) const { return IsNone(i) ? fallback : Bool(i); }
  int64_t IntOr(size_t i, int64_t fallback) const { return IsNone(i) ? fallback : Int(i); }
  double DoubleOr(size_t i, double fallback) const { return IsNone(i) ? fallback : Double(i); }
  const std::string& String(size_t i) const;
  c10::optional<c10::string_view> OptString(size_t i) const;  // views the stored argument
  at::IntArrayRef Ints(size_t i) const;
  c10::optional<at::IntArrayRef> OptInts(size_t i) const;
  const std::vector<double>& Doubles(size_t i) const;
  const std::vector<at::Tensor>& Tensors(size_t i) const;
  const std::vector<c10::optional<at::Tensor>>& OptionalTensors(size_t i) const;
  at::Scalar Scalar(size_t i) const { return at::Scalar(Double(i)); }
  at::ScalarType Dtype(size_t i, at::ScalarType fallback) const;
  c10::optional<at::ScalarType> OptDtype(size_t i) const;
  c10::optional<at::Generator> OptGenerator(size_t i) const;
  [[noreturn]] void Fail(size_t i, const char* expected) const;

 private:
  const Arg& At(size_t i, Arg::Kind kind, const char* expected) const;
  const char* op_;
  const std::vector<Arg>& values_;
};

// An argument-shape error (wrong JS argument): becomes a JS TypeError.
struct ArgError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using OpFn = std::vector<at::Tensor> (*)(const Args&);

// Op-table entries: `a` is the op's Args; MULTI ops return a list to JavaScript.
#define OP(NAME, ...) \
  ::vigil::OpEntry { NAME, +[](const ::vigil::Args& a) -> std::vector<at::Tensor> { __VA_ARGS__ }, false }
#define MULTI(NAME, ...) \
  ::vigil::OpEntry { NAME, +[](const ::vigil::Args& a) -> std::vector<at::Tensor> { __VA_ARGS__ }, true }

struct OpEntry {
  const char* name;
  OpFn fn;
  bool multi;  // returns a list (tuple ops), else a single tensor or nothing
};

// Registration tables, one per source file (kept in one place each for check-binding.mjs).
const std::vector<OpEntry>& TensorOps();
const std::vector<OpEntry>& NnOps();

// ---- per-environment state (no statics: the addon runs in worker_threads) ----
struct Program;
// Live-handle accounting, shared with each handle so it stays valid while finalisers run at
// environment teardown (after which no external-memory adjustments are made).
struct Counters {
  int64_t live_tensors = 0;
  int64_t live_bytes = 0;
  int64_t unreported_bytes = 0;  // not yet reported to V8 (see TensorBox::ReportBytes)
  bool closing = false;
};
struct InstanceData {
  Napi::FunctionReference generator_constructor;
  Napi::FunctionReference program_constructor;
  std::shared_ptr<Counters> counters = std::make_shared<Counters>();
  Program* recording = nullptr;  // the program being traced on this thread, if any
};
InstanceData* Instance(Napi::Env env);

// ---- conversions ----
Arg ArgFromValue(Napi::Env env, const Napi::Value& value);
Napi::Value WrapTensor(Napi::Env env, at::Tensor tensor);
Napi::Value WrapTensors(Napi::Env env, const std::vector<at::Tensor>& tensors, bool multi);
at::Tensor* UnwrapTensor(Napi::Env env, const Napi::Value& value);  // nullptr when not a tensor handle
at::Generator* UnwrapGenerator(const Napi::Value& value);

// Runs `body`, turning libtorch and argument errors into JS exceptions.
template <typename F>
Napi::Value Guard(Napi::Env env, F&& body) {
  try {
    return body();
  } catch (const Napi::Error&) {
    throw;
  } catch (const ArgError& e) {
    Napi::TypeError err = Napi::TypeError::New(env, e.what());
    err.Set("code", Napi::String::New(env, "VIGIL_TORCH_ARGUMENT"));
    throw err;
  } catch (const c10::Error& e) {
    Napi::Error err = Napi::Error::New(env, e.what_without_backtrace());
    err.Set("code", Napi::String::New(env, "VIGIL_TORCH_ERROR"));
    throw err;
  } catch (const std::exception& e) {
    Napi::Error err = Napi::Error::New(env, e.what());
    err.Set("code", Napi::String::New(env, "VIGIL_TORCH_ERROR"));
    throw err;
  }
}

// Program tracing hooks (program.cc).
void RecordOp(Program* program, const OpEntry* op, const std::vector<Arg>& args,
              const std::vector<at::Tensor>& outputs);
void InitProgram(Napi::Env env, Napi::Object exports, InstanceData* data);
void InitTensor(Napi::Env env, Napi::Object exports, InstanceData* data);

}  // namespace vigil
