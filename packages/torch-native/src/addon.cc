// Module entry: per-environment instance data (so the addon is context-aware and runs in
// worker_threads), then the tensor, op and program registrations.
#include "common.h"

namespace vigil {

InstanceData* Instance(Napi::Env env) { return env.GetInstanceData<InstanceData>(); }

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  auto* data = new InstanceData();
  env.SetInstanceData<InstanceData>(data);
  // Mark teardown first, so finalisers running after it skip V8 external-memory adjustments.
  env.AddCleanupHook([](std::shared_ptr<Counters>* counters) {
    (*counters)->closing = true;
    delete counters;
  }, new std::shared_ptr<Counters>(data->counters));
  InitTensor(env, exports, data);
  InitProgram(env, exports, data);
  return exports;
}

}  // namespace vigil

static Napi::Object InitVigilTorch(Napi::Env env, Napi::Object exports) { return vigil::Init(env, exports); }
NODE_API_MODULE(vigil_torch, InitVigilTorch)
