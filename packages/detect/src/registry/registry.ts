import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { AssetRef, Series } from "@vigil/core";
import { VigilArgumentError, VigilError, VigilInputError } from "@vigil/core/errors";
import { withDefaults } from "@vigil/core/validate";
import { BASELINE_RESTORERS, type DetectorRestorer, type DetectorState } from "../baselines/index.ts";
import type { Detector } from "../detector/types.ts";
import { VAE_RESTORERS } from "../vae/restore.ts";
import { createDirectoryAtomically, replaceFileAtomically } from "./atomic-write.ts";
import {
  type ModelCalibration,
  type ModelCard,
  type ModelStatus,
  modelCardSchema,
  modelIdSchema,
  type RegistryState,
  registryStateSchema,
} from "./card.ts";
import { fingerprintSeries } from "./fingerprint.ts";
import { readJsonFile } from "./read-json.ts";
import { decodeWeights, encodeWeights, tensorSpecs } from "./weights.ts";

export interface ModelRegistryOptions {
  /** Workspace directory holding one sub-directory per model plus `registry.json`. */
  dir: string;
  /** How to rebuild a detector from its state, by kind; the baselines are known by default. */
  restorers: Readonly<Record<string, DetectorRestorer>>;
}

export interface SaveModelInput {
  detector: Pick<Detector, "exportState">;
  /** The data the detector was fitted on: fingerprinted, never stored. */
  train: Series;
  metrics?: Record<string, number>;
  /** JSON form of the normaliser applied before the detector, if any. */
  normaliser?: unknown;
  /** Defaults to the training series' asset. */
  asset?: AssetRef;
  /** How this model's scores become alarms, when calibrated on its training scores. */
  calibration?: ModelCalibration;
}

export interface ModelEntry {
  readonly card: ModelCard;
  readonly status: ModelStatus;
}

const CARD = "card.json";
const WEIGHTS = "weights.safetensors";
const STATE = "registry.json";

const assetKey = (asset: AssetRef) => `${asset.site}/${asset.machine}`;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Models on the filesystem: each saved model is a directory `<id>/` with `weights.safetensors` and a
 * validated `card.json`, created all at once by renaming a finished temporary directory; lifecycle
 * (active / shadow / retired) and per-asset activation history live in `registry.json`, replaced
 * atomically. A crash leaves the previous state, never a half-written model. One writing process per
 * workspace is assumed; writes within a process are serialised.
 */
export class ModelRegistry {
  readonly dir: string;
  private readonly restorers: Readonly<Record<string, DetectorRestorer>>;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(options?: Partial<ModelRegistryOptions>) {
    const o = withDefaults(
      "ModelRegistry options",
      { dir: "./.vigil/models", restorers: { ...BASELINE_RESTORERS, ...VAE_RESTORERS } },
      options,
    );
    this.dir = resolve(o.dir);
    this.restorers = o.restorers;
  }

  /** Runs state changes one at a time so that concurrent calls do not lose each other's updates. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.then(work, work);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private modelDir(id: string): string {
    const parsed = modelIdSchema.safeParse(id);
    if (!parsed.success) throw new VigilArgumentError(`Expected a model id for id but received "${id}"`);
    return join(this.dir, id);
  }

  private async readState(): Promise<RegistryState> {
    const path = join(this.dir, STATE);
    try {
      await access(path);
    } catch {
      return { formatVersion: 1, status: {}, assets: {} };
    }
    return readJsonFile(path, registryStateSchema);
  }

  private async writeState(state: RegistryState): Promise<void> {
    await replaceFileAtomically(join(this.dir, STATE), `${JSON.stringify(state, null, 2)}\n`);
  }

  private async readCard(id: string): Promise<ModelCard> {
    const path = join(this.modelDir(id), CARD);
    try {
      await access(path);
    } catch {
      throw new VigilError("VIGIL_ERR_MODEL_NOT_FOUND", `No model "${id}" in ${this.dir}`);
    }
    const card = await readJsonFile(path, modelCardSchema);
    if (card.id !== id)
      throw new VigilInputError(`card is for model "${card.id}"`, { source: path, column: "id" });
    return card;
  }

  /** Saves a fitted detector as a new "shadow" model and returns its card. */
  save(input: SaveModelInput): Promise<ModelCard> {
    const o = withDefaults<SaveModelInput>(
      "ModelRegistry.save input",
      {
        detector: undefined!,
        train: undefined!,
        metrics: {},
        normaliser: undefined,
        asset: undefined,
        calibration: undefined,
      },
      input,
    );
    if (o.detector === undefined || o.train === undefined) {
      throw new VigilArgumentError("ModelRegistry.save needs a detector and its training series");
    }
    const { tensors, card: detectorCard } = o.detector.exportState();
    const asset = o.asset ?? o.train.asset;
    return this.serialised(async () => {
      await mkdir(this.dir, { recursive: true });
      const siblings = (await this.list()).filter(
        (e) => e.card.kind === detectorCard.kind && assetKeyOf(e.card) === (asset && assetKey(asset)),
      );
      const version = 1 + Math.max(0, ...siblings.map((e) => e.card.version));
      const id = `${detectorCard.kind.replace(/[^A-Za-z0-9._-]/g, "-")}-v${version}-${randomBytes(4).toString("hex")}`;
      const weights = encodeWeights(id, tensors);
      const parsed = modelCardSchema.safeParse({
        formatVersion: 1,
        id,
        kind: detectorCard.kind,
        version,
        created: new Date().toISOString(),
        ...(asset === undefined ? {} : { asset: { site: asset.site, machine: asset.machine } }),
        config: JSON.parse(JSON.stringify(detectorCard.config)),
        ...(o.normaliser === undefined ? {} : { normaliser: JSON.parse(JSON.stringify(o.normaliser)) }),
        training: {
          fingerprint: fingerprintSeries(o.train),
          steps: o.train.timestamps.length,
          channels: o.train.channels.map((c) => c.name),
        },
        metrics: o.metrics,
        ...(o.calibration === undefined ? {} : { calibration: o.calibration }),
        tensors: tensorSpecs(tensors),
        weightsSha256: sha256(weights),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new VigilArgumentError(`Cannot save model: ${issue.path.join(".")}: ${issue.message}`);
      }
      const card = parsed.data;
      await createDirectoryAtomically(join(this.dir, id), {
        [WEIGHTS]: weights,
        [CARD]: `${JSON.stringify(card, null, 2)}\n`,
      });
      const state = await this.readState();
      state.status[id] = "shadow";
      await this.writeState(state);
      return card;
    });
  }

  /** Every saved model with its status, oldest first. */
  async list(): Promise<ModelEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const state = await this.readState();
    const ids = names.filter((name) => name !== STATE && !name.startsWith("."));
    const cards = await Promise.all(ids.map((id) => this.readCard(id)));
    return cards
      .map((card) => ({ card, status: state.status[card.id] ?? "shadow" }))
      .sort((a, b) => a.card.created.localeCompare(b.card.created) || a.card.id.localeCompare(b.card.id));
  }

  /** A model's validated card and status, without reading its weights. */
  async get(id: string): Promise<ModelEntry> {
    const card = await this.readCard(id);
    return { card, status: (await this.readState()).status[id] ?? "shadow" };
  }

  /** Card and exported state, with the weights checked against the card (names, dtypes, shapes, sha256). */
  async loadState(id: string): Promise<ModelEntry & { state: DetectorState }> {
    const { card, status } = await this.get(id);
    const path = join(this.modelDir(id), WEIGHTS);
    const bytes = new Uint8Array(await readFile(path));
    const tensors = decodeWeights(bytes, path, card);
    if (sha256(bytes) !== card.weightsSha256) {
      throw new VigilInputError("weights differ from those the card was saved with (sha256 mismatch)", {
        source: path,
      });
    }
    return { card, status, state: { tensors, card: { kind: card.kind, config: card.config } } };
  }

  /** A ready-to-score detector, rebuilt by the restorer registered for the card's kind. */
  async load(id: string): Promise<ModelEntry & { detector: Detector }> {
    const { card, status, state } = await this.loadState(id);
    const restore = this.restorers[card.kind];
    if (restore === undefined) {
      throw new VigilError(
        "VIGIL_ERR_UNKNOWN_DETECTOR",
        `No restorer for detector kind "${card.kind}" (model "${id}")`,
      );
    }
    return { card, status, detector: restore(state) };
  }

  /** The active model's id for an asset, if any. */
  async active(asset: AssetRef): Promise<string | undefined> {
    return (await this.readState()).assets[assetKey(asset)]?.active;
  }

  /** Makes a model its asset's active model; the one it replaces is retired and remembered for roll-back. */
  activate(id: string): Promise<ModelEntry> {
    return this.serialised(async () => {
      const { card } = await this.get(id);
      if (card.asset === undefined) {
        throw new VigilError("VIGIL_ERR_NO_ASSET", `Model "${id}" names no asset, so it cannot be activated`);
      }
      const state = await this.readState();
      const key = assetKey(card.asset);
      const entry = state.assets[key] ?? { previous: [] };
      if (entry.active !== id) {
        if (entry.active !== undefined) {
          state.status[entry.active] = "retired";
          entry.previous = entry.previous.filter((p) => p !== entry.active).concat(entry.active);
        }
        entry.previous = entry.previous.filter((p) => p !== id);
        entry.active = id;
        state.status[id] = "active";
        state.assets[key] = entry;
        await this.writeState(state);
      }
      return { card, status: "active" as const };
    });
  }

  /** Retires the asset's active model and reactivates the one active before it. */
  rollBack(asset: AssetRef): Promise<ModelEntry> {
    return this.serialised(async () => {
      const state = await this.readState();
      const entry = state.assets[assetKey(asset)];
      const previous = entry?.previous.at(-1);
      if (entry?.active === undefined || previous === undefined) {
        throw new VigilError(
          "VIGIL_ERR_NO_PREVIOUS_MODEL",
          `Asset ${assetKey(asset)} has no earlier model to roll back to`,
        );
      }
      const { card } = await this.get(previous);
      state.status[entry.active] = "retired";
      state.status[previous] = "active";
      entry.previous.pop();
      entry.active = previous;
      await this.writeState(state);
      return { card, status: "active" as const };
    });
  }

  /** Retires a model that is not active (activate another or roll back to retire an active one). */
  retire(id: string): Promise<ModelEntry> {
    return this.serialised(async () => {
      const { card, status } = await this.get(id);
      if (status === "active") {
        throw new VigilError(
          "VIGIL_ERR_MODEL_ACTIVE",
          `Model "${id}" is active; activate another or roll back first`,
        );
      }
      const state = await this.readState();
      state.status[id] = "retired";
      await this.writeState(state);
      return { card, status: "retired" as const };
    });
  }
}

function assetKeyOf(card: ModelCard): string | undefined {
  return card.asset && assetKey(card.asset);
}
