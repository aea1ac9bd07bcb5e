// Tensor ops: creation, elementwise math, reductions, linear algebra, indexing, shape, sort,
// FFT and autograd. Each entry maps positional JS arguments onto one libtorch call; the argument
// order is documented once, in lib/binding.d.ts. Names follow PyTorch.
#include <ATen/ScalarOps.h>
#include <torch/csrc/autograd/autograd.h>

#include "common.h"

namespace vigil {

namespace {

using Tensors = std::vector<at::Tensor>;

#define UNARY(NAME, FN) OP(NAME, return {at::FN(a.Tensor(0))};)
// Binary ops accept a tensor or a number as the second operand; a number behaves like a Python
// scalar in type promotion (a "wrapped number").
#define BINARY(NAME, FN) OP(NAME, return {at::FN(a.Tensor(0), Other(a, 1))};)
#define INPLACE_BINARY(NAME, METHOD) OP(NAME, a.Tensor(0).METHOD(Other(a, 1)); return {};)

at::Tensor Other(const Args& a, size_t i) {
  if (a.IsNumber(i)) return at::native::wrapped_scalar_tensor(at::Scalar(a.Double(i)));
  return a.Tensor(i);
}

at::TensorOptions Opts(const Args& a, size_t dtypeIndex) {
  return at::TensorOptions().dtype(a.Dtype(dtypeIndex, at::kFloat));
}

Tensors Pair(const std::tuple<at::Tensor, at::Tensor>& t) { return {std::get<0>(t), std::get<1>(t)}; }

}  // namespace

const std::vector<OpEntry>& TensorOps() {
  static const std::vector<OpEntry> ops = {
      // ---- creation: (shape, dtype?) unless noted ----
      OP("zeros", return {at::zeros(a.Ints(0), Opts(a, 1))};),
      OP("ones", return {at::ones(a.Ints(0), Opts(a, 1))};),
      OP("empty", return {at::empty(a.Ints(0), Opts(a, 1))};),
      OP("full", return {at::full(a.Ints(0), a.Scalar(1), Opts(a, 2))};),              // (shape, value, dtype?)
      OP("eye", return {at::eye(a.Int(0), Opts(a, 1))};),                             // (n, dtype?)
      OP("arange", return {at::arange(a.Scalar(0), a.Scalar(1), a.Scalar(2), Opts(a, 3))};),  // (start, end, step, dtype?)
      OP("linspace", return {at::linspace(a.Scalar(0), a.Scalar(1), a.Int(2), Opts(a, 3))};),  // (start, end, steps, dtype?)
      OP("rand", return {at::rand(a.Ints(0), a.OptGenerator(2), Opts(a, 1))};),     // (shape, dtype?, generator?)
      OP("randn", return {at::randn(a.Ints(0), a.OptGenerator(2), Opts(a, 1))};),
      OP("randint", return {at::randint(a.Int(0), a.Int(1), a.Ints(2), a.OptGenerator(4),
                                        at::TensorOptions().dtype(a.Dtype(3, at::kLong)))};),  // (low, high, shape, dtype?, gen?)
      OP("randperm", return {at::randperm(a.Int(0), a.OptGenerator(1), at::TensorOptions().dtype(at::kLong))};),
      OP("zeros_like", return {at::zeros_like(a.Tensor(0))};),
      OP("ones_like", return {at::ones_like(a.Tensor(0))};),
      OP("full_like", return {at::full_like(a.Tensor(0), a.Scalar(1))};),
      OP("rand_like", return {at::rand_like(a.Tensor(0))};),
      OP("randn_like", return {at::randn_like(a.Tensor(0))};),
      OP("bernoulli", return {at::bernoulli(a.Tensor(0), a.OptGenerator(1))};),    // (probabilities, gen?)

      // ---- elementwise unary ----
      UNARY("neg", neg), UNARY("abs", abs), UNARY("exp", exp), UNARY("log", log), UNARY("log1p", log1p),
      UNARY("log2", log2), UNARY("log10", log10), UNARY("expm1", expm1), UNARY("sqrt", sqrt),
      UNARY("rsqrt", rsqrt), UNARY("square", square), UNARY("reciprocal", reciprocal), UNARY("sin", sin),
      UNARY("cos", cos), UNARY("tan", tan), UNARY("asin", asin), UNARY("acos", acos), UNARY("atan", atan),
      UNARY("sinh", sinh), UNARY("cosh", cosh), UNARY("tanh", tanh), UNARY("sigmoid", sigmoid),
      UNARY("relu", relu), UNARY("silu", silu), UNARY("erf", erf), UNARY("sign", sign), UNARY("floor", floor),
      UNARY("ceil", ceil), UNARY("round", round), UNARY("trunc", trunc), UNARY("isnan", isnan),
      UNARY("isfinite", isfinite), UNARY("logical_not", logical_not), UNARY("log_sigmoid", log_sigmoid),
      UNARY("real", real), UNARY("imag", imag), UNARY("view_as_real", view_as_real), UNARY("angle", angle),
      OP("gelu", return {at::gelu(a.Tensor(0), a.IsNone(1) ? "none" : a.String(1))};),  // (x, approximate?)
      OP("softplus", return {at::softplus(a.Tensor(0), a.DoubleOr(1, 1.0), a.DoubleOr(2, 20.0))};),  // (x, beta, threshold)
      OP("elu", return {at::elu(a.Tensor(0), a.DoubleOr(1, 1.0))};),
      OP("leaky_relu", return {at::leaky_relu(a.Tensor(0), a.DoubleOr(1, 0.01))};),
      OP("nan_to_num", return {at::nan_to_num(a.Tensor(0), a.OptDouble(1), a.OptDouble(2), a.OptDouble(3))};),

      // ---- elementwise binary (tensor or number as the second operand) ----
      OP("add", return {at::add(a.Tensor(0), Other(a, 1), a.DoubleOr(2, 1.0))};),  // (a, b, alpha?)
      OP("sub", return {at::sub(a.Tensor(0), Other(a, 1), a.DoubleOr(2, 1.0))};),
      BINARY("mul", mul), BINARY("div", div), BINARY("pow", pow), BINARY("remainder", remainder),
      BINARY("fmod", fmod), BINARY("maximum", maximum), BINARY("minimum", minimum), BINARY("atan2", atan2),
      BINARY("eq", eq), BINARY("ne", ne), BINARY("lt", lt), BINARY("le", le), BINARY("gt", gt), BINARY("ge", ge),
      BINARY("logical_and", logical_and), BINARY("logical_or", logical_or), BINARY("logical_xor", logical_xor),
      OP("rsub", return {at::sub(Other(a, 1), a.Tensor(0))};),  // number - tensor
      OP("where", return {at::where(a.Tensor(0), Other(a, 1), Other(a, 2))};),  // (cond, x, y)
      OP("clamp", {
        if (a.IsTensor(1) || a.IsTensor(2)) return {at::clamp(a.Tensor(0), a.OptTensor(1), a.OptTensor(2))};
        c10::optional<at::Scalar> lo, hi;
        if (!a.IsNone(1)) lo = a.Scalar(1);
        if (!a.IsNone(2)) hi = a.Scalar(2);
        return {at::clamp(a.Tensor(0), lo, hi)};
      }),
      OP("lerp", {
        if (a.IsNumber(2)) return {at::lerp(a.Tensor(0), a.Tensor(1), a.Scalar(2))};
        return {at::lerp(a.Tensor(0), a.Tensor(1), a.Tensor(2))};
      }),
      OP("to", return {a.Tensor(0).to(a.Dtype(1, at::kFloat))};),  // (x, dtype)
      OP("isclose", return {at::isclose(a.Tensor(0), a.Tensor(1), a.DoubleOr(2, 1e-5), a.DoubleOr(3, 1e-8))};),

      // ---- in-place (optimisers, initialisation); they return nothing ----
      OP("add_", a.Tensor(0).add_(Other(a, 1), a.DoubleOr(2, 1.0)); return {};),
      OP("sub_", a.Tensor(0).sub_(Other(a, 1), a.DoubleOr(2, 1.0)); return {};),
      INPLACE_BINARY("mul_", mul_), INPLACE_BINARY("div_", div_),
      OP("addcmul_", a.Tensor(0).addcmul_(a.Tensor(1), a.Tensor(2), a.DoubleOr(3, 1.0)); return {};),
      OP("addcdiv_", a.Tensor(0).addcdiv_(a.Tensor(1), a.Tensor(2), a.DoubleOr(3, 1.0)); return {};),
      OP("lerp_", {
        if (a.IsNumber(2)) a.Tensor(0).lerp_(a.Tensor(1), a.Scalar(2));
        else a.Tensor(0).lerp_(a.Tensor(1), a.Tensor(2));
        return {};
      }),
      OP("copy_", a.Tensor(0).copy_(a.Tensor(1)); return {};),
      OP("zero_", a.Tensor(0).zero_(); return {};),
      OP("fill_", a.Tensor(0).fill_(a.Scalar(1)); return {};),
      OP("sqrt_", a.Tensor(0).sqrt_(); return {};),
      OP("clamp_", {
        c10::optional<at::Scalar> lo, hi;
        if (!a.IsNone(1)) lo = a.Scalar(1);
        if (!a.IsNone(2)) hi = a.Scalar(2);
        a.Tensor(0).clamp_(lo, hi);
        return {};
      }),
      OP("masked_fill_", a.Tensor(0).masked_fill_(a.Tensor(1), a.Scalar(2)); return {};),
      OP("normal_", a.Tensor(0).normal_(a.DoubleOr(1, 0.0), a.DoubleOr(2, 1.0), a.OptGenerator(3)); return {};),
      OP("uniform_", a.Tensor(0).uniform_(a.DoubleOr(1, 0.0), a.DoubleOr(2, 1.0), a.OptGenerator(3)); return {};),

      // ---- reductions: (x, dims?, keepdim?) ----
      OP("sum", return {a.IsNone(1) ? at::sum(a.Tensor(0)) : at::sum(a.Tensor(0), a.Ints(1), a.BoolOr(2, false))};),
      OP("mean", return {a.IsNone(1) ? at::mean(a.Tensor(0)) : at::mean(a.Tensor(0), a.Ints(1), a.BoolOr(2, false))};),
      OP("nansum", return {at::nansum(a.Tensor(0), a.OptInts(1), a.BoolOr(2, false))};),
      OP("nanmean", return {at::nanmean(a.Tensor(0), a.OptInts(1), a.BoolOr(2, false))};),
      OP("prod", return {a.IsNone(1) ? at::prod(a.Tensor(0)) : at::prod(a.Tensor(0), a.Int(1), a.BoolOr(2, false))};),
      // (x, dims?, correction, keepdim)
      OP("var", return {at::var(a.Tensor(0), a.OptInts(1), a.IntOr(2, 1), a.BoolOr(3, false))};),
      OP("std", return {at::std(a.Tensor(0), a.OptInts(1), a.IntOr(2, 1), a.BoolOr(3, false))};),
      OP("amax", return {at::amax(a.Tensor(0), a.IsNone(1) ? at::IntArrayRef{} : a.Ints(1), a.BoolOr(2, false))};),
      OP("amin", return {at::amin(a.Tensor(0), a.IsNone(1) ? at::IntArrayRef{} : a.Ints(1), a.BoolOr(2, false))};),
      OP("max", return {at::max(a.Tensor(0))};),
      OP("min", return {at::min(a.Tensor(0))};),
      MULTI("max_dim", return Pair(at::max(a.Tensor(0), a.Int(1), a.BoolOr(2, false)));),  // -> [values, indices]
      MULTI("min_dim", return Pair(at::min(a.Tensor(0), a.Int(1), a.BoolOr(2, false)));),
      OP("argmax", return {at::argmax(a.Tensor(0), a.OptInt(1), a.BoolOr(2, false))};),
      OP("argmin", return {at::argmin(a.Tensor(0), a.OptInt(1), a.BoolOr(2, false))};),
      OP("median", return {at::median(a.Tensor(0))};),
      OP("nanmedian", return {at::nanmedian(a.Tensor(0))};),
      MULTI("median_dim", return Pair(at::median(a.Tensor(0), a.Int(1), a.BoolOr(2, false)));),
      MULTI("nanmedian_dim", return Pair(at::nanmedian(a.Tensor(0), a.Int(1), a.BoolOr(2, false)));),
      // (x, q (number or tensor), dim?, keepdim?, interpolation?)
      OP("quantile", {
        std::string interp = a.IsNone(4) ? "linear" : a.String(4);
        if (a.IsNumber(1)) return {at::quantile(a.Tensor(0), a.Double(1), a.OptInt(2), a.BoolOr(3, false), interp)};
        return {at::quantile(a.Tensor(0), a.Tensor(1), a.OptInt(2), a.BoolOr(3, false), interp)};
      }),
      OP("nanquantile", {
        std::string interp = a.IsNone(4) ? "linear" : a.String(4);
        if (a.IsNumber(1)) return {at::nanquantile(a.Tensor(0), a.Double(1), a.OptInt(2), a.BoolOr(3, false), interp)};
        return {at::nanquantile(a.Tensor(0), a.Tensor(1), a.OptInt(2), a.BoolOr(3, false), interp)};
      }),
      OP("logsumexp", return {at::logsumexp(a.Tensor(0), a.Ints(1), a.BoolOr(2, false))};),
      OP("cumsum", return {at::cumsum(a.Tensor(0), a.Int(1))};),
      OP("cumprod", return {at::cumprod(a.Tensor(0), a.Int(1))};),
      OP("norm", {  // (x, p, dims?, keepdim?)
        if (a.IsNone(2)) return {at::norm(a.Tensor(0), a.Scalar(1))};
        return {at::norm(a.Tensor(0), c10::optional<at::Scalar>(a.Scalar(1)), a.Ints(2), a.BoolOr(3, false))};
      }),
      OP("all", return {a.IsNone(1) ? at::all(a.Tensor(0)) : at::all(a.Tensor(0), a.Int(1), a.BoolOr(2, false))};),
      OP("any", return {a.IsNone(1) ? at::any(a.Tensor(0)) : at::any(a.Tensor(0), a.Int(1), a.BoolOr(2, false))};),
      OP("count_nonzero", return {at::count_nonzero(a.Tensor(0), a.OptInt(1))};),

      // ---- linear algebra ----
      OP("matmul", return {at::matmul(a.Tensor(0), a.Tensor(1))};),
      OP("mm", return {at::mm(a.Tensor(0), a.Tensor(1))};),
      OP("bmm", return {at::bmm(a.Tensor(0), a.Tensor(1))};),
      OP("outer", return {at::outer(a.Tensor(0), a.Tensor(1))};),
      OP("einsum", return {at::einsum(a.String(0), a.Tensors(1))};),  // (equation, tensors)
      OP("linalg_inv", return {at::linalg_inv(a.Tensor(0))};),
      OP("cholesky", return {at::linalg_cholesky(a.Tensor(0))};),
      MULTI("linalg_eigh", return Pair(at::linalg_eigh(a.Tensor(0)));),  // -> [eigenvalues, eigenvectors]

      // ---- indexing and joining ----
      OP("narrow", return {a.Tensor(0).narrow(a.Int(1), a.Int(2), a.Int(3))};),  // (x, dim, start, length)
      OP("slice", return {a.Tensor(0).slice(a.Int(1), a.OptInt(2), a.OptInt(3), a.IntOr(4, 1))};),  // (x, dim, start?, end?, step?)
      OP("select", return {a.Tensor(0).select(a.Int(1), a.Int(2))};),  // (x, dim, index)
      OP("index_select", return {at::index_select(a.Tensor(0), a.Int(1), a.Tensor(2))};),  // (x, dim, index)
      OP("gather", return {at::gather(a.Tensor(0), a.Int(1), a.Tensor(2))};),  // (x, dim, index)
      OP("scatter", {  // (x, dim, index, src tensor or number)
        if (a.IsNumber(3)) return {at::scatter(a.Tensor(0), a.Int(1), a.Tensor(2), a.Scalar(3))};
        return {at::scatter(a.Tensor(0), a.Int(1), a.Tensor(2), a.Tensor(3))};
      }),
      OP("scatter_add", return {at::scatter_add(a.Tensor(0), a.Int(1), a.Tensor(2), a.Tensor(3))};),
      OP("masked_select", return {at::masked_select(a.Tensor(0), a.Tensor(1))};),
      OP("masked_fill", return {at::masked_fill(a.Tensor(0), a.Tensor(1), a.Scalar(2))};),
      OP("index", {  // (x, indices: tensors, one per leading dim; bool masks allowed)
        c10::List<c10::optional<at::Tensor>> list;
        for (const auto& t : a.OptionalTensors(1)) list.push_back(t);
        return {a.Tensor(0).index(list)};
      }),
      OP("index_put", {  // (x, indices, values, accumulate?)
        c10::List<c10::optional<at::Tensor>> list;
        for (const auto& t : a.OptionalTensors(1)) list.push_back(t);
        return {at::index_put(a.Tensor(0), list, a.Tensor(2), a.BoolOr(3, false))};
      }),
      OP("nonzero", return {at::nonzero(a.Tensor(0))};),
      OP("cat", return {at::cat(a.Tensors(0), a.IntOr(1, 0))};),      // (tensors, dim?)
      OP("stack", return {at::stack(a.Tensors(0), a.IntOr(1, 0))};),
      MULTI("split", {  // (x, size or sizes, dim?)
        if (a.IsNumber(1)) return at::split(a.Tensor(0), a.Int(1), a.IntOr(2, 0));
        return at::split_with_sizes(a.Tensor(0), a.Ints(1), a.IntOr(2, 0));
      }),
      MULTI("chunk", return at::chunk(a.Tensor(0), a.Int(1), a.IntOr(2, 0));),  // (x, chunks, dim?)
      MULTI("unbind", return at::unbind(a.Tensor(0), a.IntOr(1, 0));),

      // ---- shape and layout ----
      OP("reshape", return {a.Tensor(0).reshape(a.Ints(1))};),
      OP("view", return {a.Tensor(0).view(a.Ints(1))};),
      OP("permute", return {a.Tensor(0).permute(a.Ints(1))};),
      OP("transpose", return {a.Tensor(0).transpose(a.Int(1), a.Int(2))};),
      OP("squeeze", return {a.IsNone(1) ? a.Tensor(0).squeeze() : a.Tensor(0).squeeze(a.Int(1))};),
      OP("unsqueeze", return {a.Tensor(0).unsqueeze(a.Int(1))};),
      OP("expand", return {a.Tensor(0).expand(a.Ints(1))};),
      OP("flip", return {at::flip(a.Tensor(0), a.Ints(1))};),
      OP("roll", return {at::roll(a.Tensor(0), a.Ints(1), a.Ints(2))};),  // (x, shifts, dims)
      OP("flatten", return {a.Tensor(0).flatten(a.IntOr(1, 0), a.IntOr(2, -1))};),
      OP("repeat", return {a.Tensor(0).repeat(a.Ints(1))};),
      OP("contiguous", return {a.Tensor(0).contiguous()};),
      OP("clone", return {a.Tensor(0).clone()};),
      OP("unfold", return {a.Tensor(0).unfold(a.Int(1), a.Int(2), a.Int(3))};),  // (x, dim, size, step)
      OP("tril", return {at::tril(a.Tensor(0), a.IntOr(1, 0))};),
      OP("triu", return {at::triu(a.Tensor(0), a.IntOr(1, 0))};),
      OP("pad", return {at::pad(a.Tensor(0), a.Ints(1), a.IsNone(2) ? "constant" : a.String(2), a.OptDouble(3))};),

      // ---- sorting ----
      MULTI("sort", return Pair(at::sort(a.Tensor(0), a.IntOr(1, -1), a.BoolOr(2, false)));),  // (x, dim?, descending?)
      OP("argsort", return {at::argsort(a.Tensor(0), a.IntOr(1, -1), a.BoolOr(2, false))};),
      MULTI("topk", return Pair(at::topk(a.Tensor(0), a.Int(1), a.IntOr(2, -1), a.BoolOr(3, true), a.BoolOr(4, true)));),

      // ---- FFT (complex results: use real/imag/abs/view_as_real) ----
      OP("fft_rfft", return {at::fft_rfft(a.Tensor(0), a.OptInt(1), a.IntOr(2, -1), a.OptString(3))};),  // (x, n?, dim?, norm?)
      OP("fft_irfft", return {at::fft_irfft(a.Tensor(0), a.OptInt(1), a.IntOr(2, -1), a.OptString(3))};),
      OP("fft_fft", return {at::fft_fft(a.Tensor(0), a.OptInt(1), a.IntOr(2, -1), a.OptString(3))};),
      OP("fft_ifft", return {at::fft_ifft(a.Tensor(0), a.OptInt(1), a.IntOr(2, -1), a.OptString(3))};),
      // (x, nFft, hop?, winLength?, window?, center?, normalized?, onesided?) -> complex
      OP("stft", return {at::stft(a.Tensor(0), a.Int(1), a.OptInt(2), a.OptInt(3), a.OptTensor(4), a.BoolOr(5, true),
                                  "reflect", a.BoolOr(6, false), a.IsNone(7) ? c10::optional<bool>() : a.Bool(7), true)};),
      OP("hann_window", return {at::hann_window(a.Int(0), a.BoolOr(1, true), Opts(a, 2))};),  // (n, periodic?, dtype?)

      // ---- autograd ----
      OP("requires_grad_", a.Tensor(0).requires_grad_(a.BoolOr(1, true)); return {};),
      OP("detach", return {a.Tensor(0).detach()};),
      OP("grad", {  // the accumulated gradient, or nothing when none
        at::Tensor g = a.Tensor(0).grad();
        if (!g.defined()) return {};
        return {g};
      }),
      OP("zero_grad", a.Tensor(0).mutable_grad().reset(); return {};),
      OP("backward", {  // (loss, gradient?, retainGraph?)
        a.Tensor(0).backward(a.OptTensor(1).value_or(at::Tensor()), a.IsNone(2) ? c10::optional<bool>() : a.Bool(2));
        return {};
      }),
      OP("set_grad_enabled", at::GradMode::set_enabled(a.Bool(0)); return {};),
      // (outputs, inputs, gradOutputs?, retainGraph?, createGraph?) -> gradients w.r.t. inputs
      MULTI("autograd_grad", {
        std::vector<at::Tensor> gradOutputs;
        if (!a.IsNone(2)) gradOutputs = a.Tensors(2);
        auto grads = torch::autograd::grad(a.Tensors(0), a.Tensors(1), gradOutputs,
                                           a.IsNone(3) ? c10::optional<bool>() : a.Bool(3), a.BoolOr(4, false),
                                           /*allow_unused=*/true);
        for (auto& g : grads)
          if (!g.defined()) throw ArgError("autograd_grad: an input does not influence the outputs");
        return grads;
      }),
  };
  return ops;
}

}  // namespace vigil
