{
  "targets": [
    {
      "target_name": "vigil_torch",
      "sources": [
        "src/addon.cc",
        "src/tensor_wrap.cc",
        "src/args.cc",
        "src/ops_tensor.cc",
        "src/ops_nn.cc",
        "src/program.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<!@(node scripts/libtorch-config.cjs include)"
      ],
      "libraries": ["<!@(node scripts/libtorch-config.cjs libs)"],
      "ldflags": ["<!@(node scripts/libtorch-config.cjs ldflags)"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-fno-rtti", "-std=gnu++17"],
      "cflags_cc": ["-std=c++17", "-fexceptions", "-frtti", "-O2", "-Wno-unused-parameter", "-Wno-deprecated-declarations"],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"]
    }
  ]
}
