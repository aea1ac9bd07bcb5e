// Prints compiler/linker settings for node-gyp. Default: Debian's libtorch-dev (1.13).
// LIBTORCH=/path/to/libtorch builds against another distribution (e.g. a CUDA build unpacked from
// PyTorch's libtorch zip): its include/ and lib/ are used and lib/ is added to the runtime path.
const root = process.env.LIBTORCH;
const what = process.argv[2];
if (!root) {
  const out = {
    include: "/usr/include /usr/include/torch/csrc/api/include",
    libs: "-ltorch -ltorch_cpu -lc10",
    ldflags: "",
  };
  process.stdout.write(out[what]);
} else {
  const out = {
    include: `${root}/include ${root}/include/torch/csrc/api/include`,
    libs: `-L${root}/lib -ltorch -ltorch_cpu -lc10`,
    ldflags: `-Wl,-rpath,${root}/lib`,
  };
  process.stdout.write(out[what]);
}
