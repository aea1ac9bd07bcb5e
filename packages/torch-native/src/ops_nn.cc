// Neural-network functional ops: layers, pooling, normalisation, activations with parameters,
// losses and libtorch's fused recurrent kernels. Argument order is documented in lib/binding.d.ts.
#include "common.h"

namespace vigil {

namespace {

using Tensors = std::vector<at::Tensor>;


int64_t Reduction(const Args& a, size_t i) {
  if (a.IsNone(i)) return at::Reduction::Mean;
  const std::string& r = a.String(i);
  if (r == "mean") return at::Reduction::Mean;
  if (r == "sum") return at::Reduction::Sum;
  if (r == "none") return at::Reduction::None;
  a.Fail(i, "one of \"mean\", \"sum\", \"none\"");
}

// Kernel-like int lists default to 1 (stride, dilation) or 0 (padding).
std::vector<int64_t> IntsOr(const Args& a, size_t i, int64_t fallback, size_t n) {
  if (a.IsNone(i)) return std::vector<int64_t>(n, fallback);
  auto v = a.Ints(i);
  return std::vector<int64_t>(v.begin(), v.end());
}

}  // namespace

const std::vector<OpEntry>& NnOps() {
  static const std::vector<OpEntry> ops = {
      OP("linear", return {at::linear(a.Tensor(0), a.Tensor(1), a.OptTensor(2))};),  // (x, weight, bias?)
      // (x, weight, bias?, stride?, padding?, dilation?, groups?)
      OP("conv1d", return {at::conv1d(a.Tensor(0), a.Tensor(1), a.OptTensor(2), IntsOr(a, 3, 1, 1),
                                      IntsOr(a, 4, 0, 1), IntsOr(a, 5, 1, 1), a.IntOr(6, 1))};),
      OP("conv2d", return {at::conv2d(a.Tensor(0), a.Tensor(1), a.OptTensor(2), IntsOr(a, 3, 1, 2),
                                      IntsOr(a, 4, 0, 2), IntsOr(a, 5, 1, 2), a.IntOr(6, 1))};),
      // (x, weight, bias?, stride?, padding?, outputPadding?, groups?, dilation?)
      OP("conv_transpose1d", return {at::conv_transpose1d(a.Tensor(0), a.Tensor(1), a.OptTensor(2), IntsOr(a, 3, 1, 1),
                                                          IntsOr(a, 4, 0, 1), IntsOr(a, 5, 0, 1), a.IntOr(6, 1),
                                                          IntsOr(a, 7, 1, 1))};),
      OP("conv_transpose2d", return {at::conv_transpose2d(a.Tensor(0), a.Tensor(1), a.OptTensor(2), IntsOr(a, 3, 1, 2),
                                                          IntsOr(a, 4, 0, 2), IntsOr(a, 5, 0, 2), a.IntOr(6, 1),
                                                          IntsOr(a, 7, 1, 2))};),
      // (x, kernel, stride?, padding?, dilation?, ceilMode?)
      OP("max_pool1d", return {at::max_pool1d(a.Tensor(0), a.Ints(1), a.IsNone(2) ? a.Ints(1) : a.Ints(2),
                                              IntsOr(a, 3, 0, 1), IntsOr(a, 4, 1, 1), a.BoolOr(5, false))};),
      OP("max_pool2d", return {at::max_pool2d(a.Tensor(0), a.Ints(1), a.IsNone(2) ? a.Ints(1) : a.Ints(2),
                                              IntsOr(a, 3, 0, 2), IntsOr(a, 4, 1, 2), a.BoolOr(5, false))};),
      // (x, kernel, stride?, padding?, ceilMode?)
      OP("avg_pool1d", return {at::avg_pool1d(a.Tensor(0), a.Ints(1), a.IsNone(2) ? a.Ints(1) : a.Ints(2),
                                              IntsOr(a, 3, 0, 1), a.BoolOr(4, false))};),
      OP("avg_pool2d", return {at::avg_pool2d(a.Tensor(0), a.Ints(1), a.IsNone(2) ? a.Ints(1) : a.Ints(2),
                                              IntsOr(a, 3, 0, 2), a.BoolOr(4, false))};),
      OP("adaptive_avg_pool1d", return {at::adaptive_avg_pool1d(a.Tensor(0), a.Ints(1))};),
      OP("adaptive_avg_pool2d", return {at::adaptive_avg_pool2d(a.Tensor(0), a.Ints(1))};),
      OP("upsample_nearest1d", return {at::upsample_nearest1d(a.Tensor(0), a.Ints(1), c10::nullopt)};),  // (x, outputSize)
      // (x, weight?, bias?, runningMean?, runningVar?, training, momentum, eps); updates running stats in place
      OP("batch_norm", return {at::batch_norm(a.Tensor(0), a.OptTensor(1), a.OptTensor(2), a.OptTensor(3), a.OptTensor(4),
                                              a.Bool(5), a.DoubleOr(6, 0.1), a.DoubleOr(7, 1e-5), false)};),
      OP("layer_norm", return {at::layer_norm(a.Tensor(0), a.Ints(1), a.OptTensor(2), a.OptTensor(3), a.DoubleOr(4, 1e-5))};),
      OP("group_norm", return {at::group_norm(a.Tensor(0), a.Int(1), a.OptTensor(2), a.OptTensor(3), a.DoubleOr(4, 1e-5))};),
      OP("dropout", return {at::dropout(a.Tensor(0), a.Double(1), a.Bool(2))};),  // (x, p, train)
      OP("softmax", return {at::softmax(a.Tensor(0), a.Int(1))};),
      OP("log_softmax", return {at::log_softmax(a.Tensor(0), a.Int(1))};),
      OP("embedding", return {at::embedding(a.Tensor(0), a.Tensor(1), a.IntOr(2, -1))};),  // (weight, indices, paddingIdx?)
      // losses: (input, target, reduction?)
      OP("mse_loss", return {at::mse_loss(a.Tensor(0), a.Tensor(1), Reduction(a, 2))};),
      OP("l1_loss", return {at::l1_loss(a.Tensor(0), a.Tensor(1), Reduction(a, 2))};),
      OP("huber_loss", return {at::huber_loss(a.Tensor(0), a.Tensor(1), Reduction(a, 2), a.DoubleOr(3, 1.0))};),
      OP("smooth_l1_loss", return {at::smooth_l1_loss(a.Tensor(0), a.Tensor(1), Reduction(a, 2), a.DoubleOr(3, 1.0))};),
      // (input, target, reduction?, weight?)
      OP("binary_cross_entropy", return {at::binary_cross_entropy(a.Tensor(0), a.Tensor(1), a.OptTensor(3), Reduction(a, 2))};),
      // (input, target, reduction?, weight?, posWeight?)
      OP("binary_cross_entropy_with_logits",
         return {at::binary_cross_entropy_with_logits(a.Tensor(0), a.Tensor(1), a.OptTensor(3), a.OptTensor(4),
                                                      Reduction(a, 2))};),
      OP("nll_loss", return {at::nll_loss(a.Tensor(0), a.Tensor(1), a.OptTensor(3), Reduction(a, 2))};),
      // Fused recurrent kernels: (input, hx: [h0, c0] | [h0], params, hasBiases, numLayers, dropout, train,
      // bidirectional, batchFirst) -> [output, h, c] | [output, h]
      MULTI("lstm", {
        auto r = at::lstm(a.Tensor(0), a.Tensors(1), a.Tensors(2), a.Bool(3), a.Int(4), a.Double(5), a.Bool(6),
                          a.Bool(7), a.Bool(8));
        return {std::get<0>(r), std::get<1>(r), std::get<2>(r)};
      }),
      MULTI("gru", {
        const auto& hx = a.Tensors(1);
        if (hx.size() != 1) throw ArgError("gru: hx must be a list of one tensor");
        auto r = at::gru(a.Tensor(0), hx[0], a.Tensors(2), a.Bool(3), a.Int(4), a.Double(5), a.Bool(6), a.Bool(7),
                         a.Bool(8));
        return {std::get<0>(r), std::get<1>(r)};
      }),
  };
  return ops;
}

}  // namespace vigil
