// Argument conversion: JS values -> positional Args, and the dtype table.
#include <cmath>

#include "common.h"

namespace vigil {

const DtypeEntry kDtypes[] = {
    {"float32", at::kFloat},   {"float64", at::kDouble},        {"int64", at::kLong},
    {"int32", at::kInt},       {"bool", at::kBool},             {"uint8", at::kByte},
    {"complex64", at::kComplexFloat}, {"complex128", at::kComplexDouble},
};
const size_t kDtypeCount = sizeof(kDtypes) / sizeof(kDtypes[0]);
static_assert(sizeof(kDtypes) / sizeof(kDtypes[0]) == 8, "update binding.d.ts Dtype when adding dtypes");

at::ScalarType DtypeFromName(const std::string& name) {
  for (size_t i = 0; i < kDtypeCount; i++)
    if (name == kDtypes[i].name) return kDtypes[i].type;
  throw ArgError("unknown dtype \"" + name + "\"; expected one of float32, float64, int64, int32, bool, uint8");
}

const char* DtypeName(at::ScalarType type) {
  for (size_t i = 0; i < kDtypeCount; i++)
    if (kDtypes[i].type == type) return kDtypes[i].name;
  return c10::toString(type);
}

static const char* KindName(Arg::Kind kind) {
  switch (kind) {
    case Arg::Kind::None: return "null";
    case Arg::Kind::Tensor: case Arg::Kind::Slot: return "a tensor";
    case Arg::Kind::Number: return "a number";
    case Arg::Kind::Bool: return "a boolean";
    case Arg::Kind::String: return "a string";
    case Arg::Kind::NumberList: return "a number list";
    case Arg::Kind::TensorList: case Arg::Kind::SlotList: return "a tensor list";
    case Arg::Kind::Generator: return "a generator";
  }
  return "?";
}

void Args::Fail(size_t i, const char* expected) const {
  std::string got = i < values_.size() ? KindName(values_[i].kind) : "nothing";
  throw ArgError(std::string(op_) + ": argument " + std::to_string(i) + " must be " + expected + ", got " + got);
}

const Arg& Args::At(size_t i, Arg::Kind kind, const char* expected) const {
  if (i >= values_.size() || values_[i].kind != kind) Fail(i, expected);
  return values_[i];
}

const at::Tensor& Args::Tensor(size_t i) const { return At(i, Arg::Kind::Tensor, "a tensor").tensor; }

c10::optional<at::Tensor> Args::OptTensor(size_t i) const {
  if (IsNone(i)) return c10::nullopt;
  return Tensor(i);
}

double Args::Double(size_t i) const { return At(i, Arg::Kind::Number, "a number").number; }

int64_t Args::Int(size_t i) const {
  double v = At(i, Arg::Kind::Number, "an integer").number;
  if (std::floor(v) != v || std::abs(v) > 9007199254740991.0) Fail(i, "an integer");
  return static_cast<int64_t>(v);
}

c10::optional<double> Args::OptDouble(size_t i) const {
  if (IsNone(i)) return c10::nullopt;
  return Double(i);
}

c10::optional<int64_t> Args::OptInt(size_t i) const {
  if (IsNone(i)) return c10::nullopt;
  return Int(i);
}

bool Args::Bool(size_t i) const { return At(i, Arg::Kind::Bool, "a boolean").boolean; }

const std::string& Args::String(size_t i) const { return At(i, Arg::Kind::String, "a string").string; }

c10::optional<c10::string_view> Args::OptString(size_t i) const {
  if (IsNone(i)) return c10::nullopt;
  return c10::string_view(String(i));
}

at::IntArrayRef Args::Ints(size_t i) const {
  // A single integer is accepted where PyTorch accepts `int or tuple` (kernel sizes, dims).
  if (i < values_.size() && values_[i].kind == Arg::Kind::Number) {
    Int(i);
    return at::IntArrayRef(values_[i].ints);
  }
  const Arg& a = At(i, Arg::Kind::NumberList, "an integer list");
  if (!a.all_integral) Fail(i, "an integer list");
  return at::IntArrayRef(a.ints);
}

c10::optional<at::IntArrayRef> Args::OptInts(size_t i) const {
  if (IsNone(i)) return c10::nullopt;
  return Ints(i);
}

const std::vector<double>& Args::Doubles(size_t i) const {
  return At(i, Arg::Kind::NumberList, "a number list").numbers;
}

const std::vector<at::Tensor>& Args::Tensors(size_t i) const {
  if (i < values_.size() && values_[i].kind == Arg::Kind::NumberList && values_[i].numbers.empty())
    return values_[i].tensors;  // an empty JS array is an empty tensor list too
  return At(i, Arg::Kind::TensorList, "a tensor list").tensors;
}

const std::vector<c10::optional<at::Tensor>>& Args::OptionalTensors(size_t i) const {
  if (i < values_.size() && values_[i].kind == Arg::Kind::NumberList && values_[i].numbers.empty())
    return values_[i].optional_tensors;
  return At(i, Arg::Kind::TensorList, "a tensor list").optional_tensors;
}

at::ScalarType Args::Dtype(size_t i, at::ScalarType fallback) const {
  if (IsNone(i)) return fallback;
  return DtypeFromName(String(i));
}

c10::optional<at::ScalarType> Args::OptDtype(size_t i) const {
  if (IsNone(i)) return c10::nullopt;
  return DtypeFromName(String(i));
}

c10::optional<at::Generator> Args::OptGenerator(size_t i) const {
  if (IsNone(i)) return c10::nullopt;
  return At(i, Arg::Kind::Generator, "a generator").generator;
}

Arg ArgFromValue(Napi::Env env, const Napi::Value& value) {
  Arg arg;
  if (value.IsUndefined() || value.IsNull()) return arg;
  if (value.IsNumber()) {
    arg.kind = Arg::Kind::Number;
    arg.number = value.As<Napi::Number>().DoubleValue();
    // keep an int view so a lone integer can stand for a one-element int list
    if (std::floor(arg.number) == arg.number) arg.ints.push_back(static_cast<int64_t>(arg.number));
    return arg;
  }
  if (value.IsBoolean()) {
    arg.kind = Arg::Kind::Bool;
    arg.boolean = value.As<Napi::Boolean>().Value();
    return arg;
  }
  if (value.IsString()) {
    arg.kind = Arg::Kind::String;
    arg.string = value.As<Napi::String>().Utf8Value();
    return arg;
  }
  if (value.IsArray()) {
    Napi::Array array = value.As<Napi::Array>();
    uint32_t n = array.Length();
    if (n > 0 && UnwrapTensor(env, array.Get(0u)) != nullptr) {
      arg.kind = Arg::Kind::TensorList;
      for (uint32_t k = 0; k < n; k++) {
        at::Tensor* t = UnwrapTensor(env, array.Get(k));
        if (t == nullptr) throw ArgError("tensor list element " + std::to_string(k) + " is not a tensor");
        arg.tensors.push_back(*t);
        arg.optional_tensors.emplace_back(*t);
      }
      return arg;
    }
    arg.kind = Arg::Kind::NumberList;
    for (uint32_t k = 0; k < n; k++) {
      Napi::Value v = array.Get(k);
      if (!v.IsNumber()) throw ArgError("list element " + std::to_string(k) + " must be a number");
      double d = v.As<Napi::Number>().DoubleValue();
      arg.numbers.push_back(d);
      if (std::floor(d) != d) arg.all_integral = false;
      arg.ints.push_back(static_cast<int64_t>(d));
    }
    return arg;
  }
  if (value.IsExternal()) {
    if (at::Tensor* t = UnwrapTensor(env, value)) {
      arg.kind = Arg::Kind::Tensor;
      arg.tensor = *t;
      return arg;
    }
  }
  if (value.IsObject()) {
    if (at::Generator* g = UnwrapGenerator(value)) {
      arg.kind = Arg::Kind::Generator;
      arg.generator = *g;
      return arg;
    }
  }
  throw ArgError("unsupported argument: expected a tensor, number, boolean, string, list or null");
}

}  // namespace vigil
