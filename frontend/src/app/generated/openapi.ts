/**
 * Generated from the OpenAPI schema of the LoRA Studio backend (`python -m backend openapi`) by
 * openapi-typescript: run `npm run gen:api` after changing a backend schema. Do not edit by hand;
 * `npm run check:api` (in `make test`) fails when this file is stale.
 */
export interface paths {
    "/models/folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Folders */
        get: operations["list_folders_models_folders_get"];
        put?: never;
        /** Add Folder */
        post: operations["add_folder_models_folders_post"];
        /** Remove Folder */
        delete: operations["remove_folder_models_folders_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health */
        get: operations["health_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Models */
        get: operations["list_models_models_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model Targets */
        get: operations["model_targets_models_targets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Datasets */
        get: operations["list_datasets_datasets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate Dataset
         * @description Detect, convert and check a dataset; a whole-source problem is a 422 `{message, errors}`.
         */
        post: operations["validate_dataset_datasets_validate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Defaults */
        get: operations["defaults_training_defaults_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start */
        post: operations["start_training_start_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop */
        post: operations["stop_training_stop_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status */
        get: operations["status_training_status_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Logs */
        get: operations["logs_training_logs_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/distributed/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Distributed Check
         * @description Launches a tiny all-reduce on the given hosts; reports each rank as reachable or not.
         *
         *     A sync endpoint (FastAPI runs it in a worker thread) that never outlives `timeout_s` by much.
         *     Unreachable hosts are a normal answer (`ok: false` with each rank's error), not an HTTP error.
         */
        post: operations["distributed_check_training_distributed_check_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Estimate Memory */
        post: operations["estimate_memory_training_estimate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Methods */
        get: operations["methods_training_methods_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/training/start-enhanced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start */
        post: operations["start_training_start_enhanced_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Sessions */
        get: operations["list_sessions_sessions_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/loaded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loaded */
        get: operations["loaded_sessions_loaded_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Session */
        get: operations["get_session_sessions__session_id__get"];
        put?: never;
        post?: never;
        /** Delete Session */
        delete: operations["delete_session_sessions__session_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{session_id}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load Session */
        post: operations["load_session_sessions__session_id__load_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{session_id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume Session */
        post: operations["resume_session_sessions__session_id__resume_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Sessions
         * @description The older app's session files (one object, a list) or its whole sessions folder `{"path": DIR}`.
         */
        post: operations["import_sessions_sessions_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/test-base": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test Base */
        post: operations["test_base_model_test_base_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test Adapter */
        post: operations["test_adapter_model_test_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/test/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stream Adapter */
        post: operations["stream_adapter_model_test_stream_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/test-base/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stream Base */
        post: operations["stream_base_model_test_base_stream_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start */
        post: operations["start_evaluation_start_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/{evaluation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get */
        get: operations["get_evaluation__evaluation_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events
         * @description Stored events with seq > after_seq, oldest first (`training_state` is sent on the websocket only).
         */
        get: operations["events_events_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/adapters/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import */
        post: operations["import__adapters_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{session_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start */
        post: operations["start_sessions__session_id__export_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Exports */
        get: operations["list_exports_exports_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/{export_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get */
        get: operations["get_exports__export_id__get"];
        put?: never;
        post?: never;
        /** Delete */
        delete: operations["delete_exports__export_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items */
        get: operations["items_queue_get"];
        put?: never;
        /** Add */
        post: operations["add_queue_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/queue/{queue_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel */
        delete: operations["cancel_queue__queue_id__delete"];
        options?: never;
        head?: never;
        /** Move */
        patch: operations["move_queue__queue_id__patch"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AdapterFile */
        AdapterFile: {
            /** Name */
            name: string;
            /** Size Bytes */
            size_bytes: number;
        };
        /** AdapterImportRequest */
        AdapterImportRequest: {
            /**
             * Path
             * @description An mlx-lm adapter folder (adapter_config.json + adapters.safetensors) or a Hugging Face PEFT folder (adapter_config.json + adapter_model.safetensors).
             */
            path: string;
            /**
             * Model Path
             * @description The base model folder; defaults to the one the adapter names.
             */
            model_path?: string | null;
            /**
             * Name
             * @description The session's name.
             */
            name?: string | null;
        };
        /** AdapterImported */
        AdapterImported: {
            /** Run Id */
            run_id: string;
            /** Source Format */
            source_format: string;
            /** Model Path */
            model_path: string;
            lora: components["schemas"]["ImportedLora"];
        };
        /** BestModelUpdatedData */
        BestModelUpdatedData: {
            /** Step */
            step: number;
            /** Val Loss */
            val_loss: number;
            /** File */
            file: string;
            /** Rank */
            rank?: number | null;
        };
        /** BestModelUpdatedEvent */
        BestModelUpdatedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "best_model_updated";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["BestModelUpdatedData"];
        };
        /** CheckpointSavedData */
        CheckpointSavedData: {
            /** Step */
            step: number;
            /** File */
            file: string;
            /** Rank */
            rank?: number | null;
        };
        /** CheckpointSavedEvent */
        CheckpointSavedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "checkpoint_saved";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["CheckpointSavedData"];
        };
        /** DatasetEntry */
        DatasetEntry: {
            /** Name */
            name: string;
            /** Path */
            path: string;
            /** Format */
            format: string | null;
            /**
             * Kind
             * @enum {string}
             */
            kind: "sft" | "grpo";
            /** Rows */
            rows: number;
            splits: components["schemas"]["DatasetSplits"];
            /** Split Rows */
            split_rows: {
                [key: string]: number;
            };
            /**
             * Source
             * @description A source an earlier run trained on: its kind (csv, parquet…).
             */
            source?: string | null;
            /**
             * Mapping
             * @description The column mapping that run used.
             */
            mapping?: {
                [key: string]: string;
            } | null;
        };
        /** DatasetErrorDetail */
        DatasetErrorDetail: {
            /** Message */
            message: string;
            /** Errors */
            errors?: components["schemas"]["DatasetLineError"][];
            /**
             * Columns
             * @description A table's columns, when none could be mapped.
             */
            columns?: string[] | null;
        };
        /**
         * DatasetLineError
         * @description One problem of a dataset: a JSONL line or a table/array row (1-based), the split when not train.
         */
        DatasetLineError: {
            /**
             * Line
             * @description 1-based line of a text file; 0 for the file as a whole.
             */
            line?: number | null;
            /**
             * Row
             * @description 1-based row of a table or JSON array.
             */
            row?: number | null;
            /** Split */
            split?: string | null;
            /** Message */
            message: string;
        };
        /** DatasetSplits */
        DatasetSplits: {
            /** Train */
            train: string | null;
            /** Valid */
            valid: string | null;
            /** Test */
            test: string | null;
        };
        /** DatasetValidation */
        DatasetValidation: {
            /** Path */
            path: string;
            /** Ok */
            ok: boolean;
            /** Source */
            source: string;
            /** Format */
            format: string;
            /** Trains As */
            trains_as: string;
            /** Mapping */
            mapping: {
                [key: string]: string;
            } | null;
            /** Columns */
            columns: string[];
            /** Rows */
            rows: number;
            splits: components["schemas"]["SplitCounts"];
            /** Errors */
            errors: components["schemas"]["DatasetLineError"][];
            /** Error Count */
            error_count: number;
            /** Preview */
            preview: {
                [key: string]: unknown;
            }[];
            /** Rendered */
            rendered: components["schemas"]["RenderedRow"][] | null;
            token_stats: components["schemas"]["TokenStats"] | null;
        };
        /**
         * DistributedCheck
         * @description Body of POST /training/distributed/check: the section to test, checked as if it were on.
         */
        DistributedCheck: {
            /**
             * Enabled
             * @default true
             */
            enabled?: boolean;
            /**
             * Hosts
             * @description Hosts in rank order, the first one being this machine (rank 0 writes events and adapters). The ring backend needs IP addresses, e.g. ["10.0.0.1", "10.0.0.2"]; ["127.0.0.1"] with 2 processes per host tries it on one machine.
             */
            hosts?: string[];
            /**
             * Hostfile
             * @description Path of a hostfile in mlx.launch's JSON format (instead of hosts).
             */
            hostfile?: string | null;
            /**
             * Processes Per Host
             * @description Processes started on each host.
             * @default 1
             */
            processes_per_host?: number;
            /**
             * Backend
             * @description mx.distributed backend: ring (TCP, Thunderbolt or ethernet) or mpi (needs mpirun).
             * @default ring
             * @enum {string}
             */
            backend?: "ring" | "mpi";
            /**
             * Python
             * @description Python interpreter on every host (default: the server's own interpreter path, which must exist there).
             */
            python?: string | null;
            /**
             * Starting Port
             * @description First TCP port of the ring (one per rank); default: a free port range picked at launch.
             */
            starting_port?: number | null;
            /**
             * Paths
             * @description Paths every host must see (e.g. the model directory); each rank reports the ones it lacks.
             */
            paths?: string[];
            /**
             * Timeout S
             * @description Give up (and stop every rank) after this long.
             * @default 30
             */
            timeout_s?: number;
        };
        /** DistributedCheckResult */
        DistributedCheckResult: {
            /** Ok */
            ok: boolean;
            /** World Size */
            world_size: number;
            /** Backend */
            backend: string;
            /** Ranks */
            ranks: components["schemas"]["RankReport"][];
            /** Timed Out */
            timed_out: boolean;
            /** Seconds */
            seconds: number;
            /** Output Tail */
            output_tail: string;
        };
        /** DistributedConfig */
        DistributedConfig: {
            /**
             * Enabled
             * @description Train with several processes (on one or more machines).
             * @default false
             */
            enabled?: boolean;
            /**
             * Hosts
             * @description Hosts in rank order, the first one being this machine (rank 0 writes events and adapters). The ring backend needs IP addresses, e.g. ["10.0.0.1", "10.0.0.2"]; ["127.0.0.1"] with 2 processes per host tries it on one machine.
             */
            hosts?: string[];
            /**
             * Hostfile
             * @description Path of a hostfile in mlx.launch's JSON format (instead of hosts).
             */
            hostfile?: string | null;
            /**
             * Processes Per Host
             * @description Processes started on each host.
             * @default 1
             */
            processes_per_host?: number;
            /**
             * Backend
             * @description mx.distributed backend: ring (TCP, Thunderbolt or ethernet) or mpi (needs mpirun).
             * @default ring
             * @enum {string}
             */
            backend?: "ring" | "mpi";
            /**
             * Python
             * @description Python interpreter on every host (default: the server's own interpreter path, which must exist there).
             */
            python?: string | null;
            /**
             * Starting Port
             * @description First TCP port of the ring (one per rank); default: a free port range picked at launch.
             */
            starting_port?: number | null;
        };
        /**
         * EnhancedTrainingConfig
         * @description A GRPO-family run on an attention-only LoRA baseline (smaller rank, rate and sequences than SFT).
         */
        EnhancedTrainingConfig: {
            /**
             * Lr Schedule
             * @description Learning-rate shape after the warmup: constant, cosine decay or linear decay to min_learning_rate.
             * @default constant
             * @enum {string}
             */
            lr_schedule?: "constant" | "cosine" | "linear";
            /**
             * Warmup Steps
             * @description Optimizer updates of linear warmup from 0 to the learning rate; fewer than the run's updates.
             * @default 0
             */
            warmup_steps?: number;
            /**
             * Min Learning Rate
             * @description Where cosine and linear decay end.
             * @default 0
             */
            min_learning_rate?: number;
            /**
             * Optimizer
             * @default adam
             * @enum {string}
             */
            optimizer?: "adam" | "adamw" | "sgd" | "adafactor" | "muon";
            /**
             * Weight Decay
             * @description Empty = the optimizer's own default (AdamW and Muon 0.01, SGD and Adafactor 0); Adam has none.
             */
            weight_decay?: number | null;
            /**
             * Grad Accumulation Steps
             * @description Training steps whose gradients are summed into one optimizer update.
             * @default 1
             */
            grad_accumulation_steps?: number;
            /**
             * Max Grad Norm
             * @description Clip the global gradient norm to this before each update; empty = no clipping.
             */
            max_grad_norm?: number | null;
            /**
             * Epochs
             * @description Alternative to iterations: iterations = ceil(epochs × train rows / effective batch size).
             */
            epochs?: number | null;
            /**
             * Model Path
             * @description Directory of an MLX model (config.json, *.safetensors, tokenizer).
             */
            model_path: string;
            /**
             * Train Data Path
             * @description Rows {prompt, answer, system?} in any dataset format (question/answer columns or data_mapping too).
             */
            train_data_path: string;
            /**
             * Val Data Path
             * @description Validation data in any dataset format; without it the source's own validation split, else 10% of train held out (seeded).
             */
            val_data_path?: string | null;
            /**
             * Data Mapping
             * @description Tabular data: columns as prompt/completion (or prompt/answer), optional system.
             */
            data_mapping?: {
                [key: string]: string;
            } | null;
            /**
             * Adapter Name
             * @description Letters, digits, dot, dash, underscore; at most 64 characters.
             * @default grpo-adapter
             */
            adapter_name?: string;
            /**
             * Learning Rate
             * @default 0.00001
             */
            learning_rate?: number;
            /**
             * Batch Size
             * @description Prompts per step on each process (global batch = this × the distributed world size).
             * @default 1
             */
            batch_size?: number;
            /**
             * Max Seq Length
             * @default 512
             */
            max_seq_length?: number;
            /**
             * Iterations
             * @default 100
             */
            iterations?: number;
            /**
             * Steps Per Report
             * @default 5
             */
            steps_per_report?: number;
            /**
             * Steps Per Eval
             * @default 50
             */
            steps_per_eval?: number;
            /**
             * Save Every
             * @default 25
             */
            save_every?: number;
            /**
             * Val Batches
             * @description Validation batches per evaluation; -1 uses the whole set.
             * @default 4
             */
            val_batches?: number;
            /**
             * Lora Rank
             * @default 8
             */
            lora_rank?: number;
            /**
             * Lora Alpha
             * @default 16
             */
            lora_alpha?: number;
            /**
             * Fine Tune Type
             * @default lora
             * @enum {string}
             */
            fine_tune_type?: "lora" | "dora";
            /**
             * Lora Dropout
             * @default 0
             */
            lora_dropout?: number;
            /**
             * Lora Num Layers
             * @description -1 = all blocks, else the top-k blocks.
             * @default -1
             */
            lora_num_layers?: number;
            /**
             * Seed
             * @default 0
             */
            seed?: number;
            distributed?: components["schemas"]["DistributedConfig"];
            /**
             * Stall Timeout S
             * @description Declare the run stalled (error, every process stopped, last checkpoint kept) after this many seconds without a completed step; default max(60 s, 10 x the median step time).
             */
            stall_timeout_s?: number | null;
            /**
             * Training Method
             * @default grpo
             * @enum {string}
             */
            training_method?: "grpo" | "gspo" | "dr_grpo";
            /**
             * Group Size
             * @description Completions sampled per prompt (at least 2 to compare).
             * @default 4
             */
            group_size?: number;
            /**
             * Epsilon
             * @description Lower clipping width of the importance ratio.
             * @default 0.0001
             */
            epsilon?: number;
            /**
             * Epsilon High
             * @description Upper clipping width (DAPO); defaults to epsilon.
             */
            epsilon_high?: number | null;
            /**
             * Temperature
             * @default 0.8
             */
            temperature?: number;
            /**
             * Max Completion Length
             * @default 128
             */
            max_completion_length?: number;
            /** Importance Sampling Level */
            importance_sampling_level?: ("token" | "sequence") | null;
            /** Grpo Loss Type */
            grpo_loss_type?: ("grpo" | "bnpo" | "dr_grpo") | null;
            /**
             * Beta
             * @description KL penalty against the frozen base model.
             * @default 0.1
             */
            beta?: number;
            /** Reward Functions */
            reward_functions?: string[];
            /** Reward Weights */
            reward_weights?: number[] | null;
            /** Reward Functions File */
            reward_functions_file?: string | null;
            /**
             * Start From Session Id
             * @description Start from this session's adapter (its keys, rank, alpha and coverage are kept).
             */
            start_from_session_id?: string | null;
        };
        /** ErrorDetail */
        ErrorDetail: {
            /** Detail */
            detail: string | components["schemas"]["FieldErrorItem"][] | components["schemas"]["DatasetErrorDetail"];
            /**
             * Request Id
             * @description Only on a 500: find the traceback in the server log.
             */
            request_id?: string | null;
        };
        /** EvaluationCompletedData */
        EvaluationCompletedData: {
            /** Evaluation Id */
            evaluation_id: string;
            /**
             * State
             * @enum {string}
             */
            state: "completed" | "failed";
            /** Error */
            error?: string | null;
        };
        /** EvaluationCompletedEvent */
        EvaluationCompletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "evaluation_completed";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["EvaluationCompletedData"];
        };
        /** EvaluationProgressData */
        EvaluationProgressData: {
            /** Evaluation Id */
            evaluation_id: string;
            /** Progress */
            progress: number;
            /** Phase */
            phase: string;
        };
        /** EvaluationProgressEvent */
        EvaluationProgressEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "evaluation_progress";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["EvaluationProgressData"];
        };
        /** EvaluationRecord */
        EvaluationRecord: {
            /** Id */
            id: string;
            /** Run Id */
            run_id: string;
            /** State */
            state: string;
            /** Created At */
            created_at: number;
            /** Updated At */
            updated_at: number;
            /** Request */
            request: {
                [key: string]: unknown;
            };
            /** Result */
            result: {
                [key: string]: unknown;
            } | null;
            /** Error */
            error: string | null;
        };
        /** EvaluationRequest */
        EvaluationRequest: {
            /** Session Id */
            session_id?: string | null;
            /**
             * Session Ids
             * @description Up to three sessions on the same base: the base is scored once, then each adapter
             */
            session_ids?: string[] | null;
            /**
             * Num Questions
             * @default 20
             */
            num_questions?: number;
            /**
             * Max Tokens
             * @default 256
             */
            max_tokens?: number;
            /**
             * Checkpoint
             * @default final
             * @enum {string}
             */
            checkpoint?: "final" | "best";
            judge?: components["schemas"]["JudgeRequest"] | null;
            /**
             * Dataset Path
             * @description Held-out JSONL to score on instead of the session's own (needed by sessions without held-out data, e.g. imported)
             */
            dataset_path?: string | null;
        };
        /**
         * EvaluationRequestFields
         * @description The fields of an evaluation request; a job's stored request comes back in this shape.
         */
        EvaluationRequestFields: {
            /** Session Id */
            session_id?: string | null;
            /**
             * Session Ids
             * @description Up to three sessions on the same base: the base is scored once, then each adapter
             */
            session_ids?: string[] | null;
            /**
             * Num Questions
             * @default 20
             */
            num_questions?: number;
            /**
             * Max Tokens
             * @default 256
             */
            max_tokens?: number;
            /**
             * Checkpoint
             * @default final
             * @enum {string}
             */
            checkpoint?: "final" | "best";
            judge?: components["schemas"]["JudgeRequest"] | null;
            /**
             * Dataset Path
             * @description Held-out JSONL to score on instead of the session's own (needed by sessions without held-out data, e.g. imported)
             */
            dataset_path?: string | null;
        };
        /** EvaluationResult */
        EvaluationResult: {
            base: components["schemas"]["SideAggregate"];
            adapter: components["schemas"]["SideAggregate"];
            /**
             * Delta
             * @description adapter − base for every score both sides have.
             */
            delta: {
                [key: string]: number | null;
            };
            /** Samples */
            samples: components["schemas"]["EvaluationSample"][];
            /** Num Samples */
            num_samples: number;
            /** Split Used */
            split_used: string;
            /** Checkpoint */
            checkpoint: string | null;
            /** Model Path */
            model_path?: string | null;
            /** Adapter File */
            adapter_file?: string | null;
            /** Formulas */
            formulas?: {
                [key: string]: string;
            };
            /** Timing */
            timing?: {
                [key: string]: number;
            };
            judge?: components["schemas"]["JudgeSummary"] | null;
            /** Judge Error */
            judge_error?: string | null;
        };
        /** EvaluationSample */
        EvaluationSample: {
            /** Question */
            question: string;
            /** Reference */
            reference: string;
            /** Base Answer */
            base_answer: string;
            /** Adapter Answer */
            adapter_answer: string;
            base: components["schemas"]["SideScores"];
            adapter: components["schemas"]["SideScores"];
            /** Judge */
            judge?: {
                [key: string]: unknown;
            } | null;
        };
        /** EvaluationStarted */
        EvaluationStarted: {
            /** Evaluation Id */
            evaluation_id: string;
            /** Session Id */
            session_id: string;
            /** Num Samples */
            num_samples: number;
            /** Split Used */
            split_used: string;
        };
        /** EvaluationStatus */
        EvaluationStatus: {
            /** Id */
            id: string;
            /** Session Id */
            session_id: string;
            /**
             * State
             * @enum {string}
             */
            state: "queued" | "running" | "completed" | "failed";
            /** Progress */
            progress: number;
            /** Phase */
            phase: string;
            /** Error */
            error: string | null;
            /** Created At */
            created_at: number;
            /** Updated At */
            updated_at: number;
            request: components["schemas"]["EvaluationRequestFields"];
            result: components["schemas"]["EvaluationResult"] | null;
        };
        /** ExportCompletedData */
        ExportCompletedData: {
            /** Export Id */
            export_id: string;
            /**
             * State
             * @enum {string}
             */
            state: "completed" | "error";
            /**
             * Ok
             * @description The verification's verdict (completed exports).
             */
            ok?: boolean | null;
            /** Error */
            error?: string | null;
        };
        /** ExportCompletedEvent */
        ExportCompletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "export_completed";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["ExportCompletedData"];
        };
        /** ExportFile */
        ExportFile: {
            /** Name */
            name: string;
            /** Size Bytes */
            size_bytes: number;
        };
        /** ExportProgressData */
        ExportProgressData: {
            /** Export Id */
            export_id: string;
            /** Progress */
            progress: number;
            /** Phase */
            phase: string;
        };
        /** ExportProgressEvent */
        ExportProgressEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "export_progress";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["ExportProgressData"];
        };
        /** ExportRequest */
        ExportRequest: {
            /**
             * Format
             * @description mlx = fused model folder, peft = Hugging Face PEFT adapter, gguf = llama.cpp file (llama, mistral, mixtral)
             * @enum {string}
             */
            format: "mlx" | "peft" | "gguf";
            /**
             * Checkpoint
             * @default final
             * @enum {string}
             */
            checkpoint?: "final" | "best";
            /**
             * Dequantize
             * @description mlx on a quantized base: fuse into a full-precision model
             * @default false
             */
            dequantize?: boolean;
            /**
             * Name
             * @description Folder name under <data root>/exports/; default <adapter>-<format>-<checkpoint>
             */
            name?: string | null;
        };
        /** ExportStarted */
        ExportStarted: {
            /** Export Id */
            export_id: string;
            /** Name */
            name: string;
            /** Path */
            path: string;
        };
        /** ExportStatus */
        ExportStatus: {
            /** Id */
            id: string;
            /** Session Id */
            session_id: string;
            /**
             * Format
             * @enum {string}
             */
            format: "mlx" | "peft" | "gguf";
            /** Name */
            name: string;
            /** Path */
            path: string;
            /**
             * State
             * @enum {string}
             */
            state: "queued" | "running" | "completed" | "error";
            /** Progress */
            progress: number;
            /** Phase */
            phase: string;
            /** Error */
            error: string | null;
            /** Request */
            request: {
                [key: string]: unknown;
            };
            /** Verification */
            verification: {
                [key: string]: unknown;
            } | null;
            /** Commands */
            commands: {
                [key: string]: string;
            } | null;
            /** Files */
            files: components["schemas"]["ExportFile"][] | null;
            /** Created At */
            created_at: number;
            /** Updated At */
            updated_at: number;
        };
        /**
         * FieldErrorItem
         * @description One entry of a 422's list, FastAPI's own shape (`field_error` builds the same).
         */
        FieldErrorItem: {
            /** Loc */
            loc: (string | number)[];
            /** Msg */
            msg: string;
            /** Type */
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** Health */
        Health: {
            /**
             * Status
             * @constant
             */
            status: "ok";
            /** Version */
            version: string;
            /** Mlx Device */
            mlx_device: string;
            /**
             * Mlx Backend
             * @enum {string}
             */
            mlx_backend: "metal" | "cuda" | "cpu";
            /** Mlx Version */
            mlx_version: string;
            /** Device Name */
            device_name: string | null;
        };
        /** HistogramBin */
        HistogramBin: {
            /** Lo */
            lo: number;
            /** Hi */
            hi: number;
            /** Count */
            count: number;
        };
        /** ImportResult */
        ImportResult: {
            /**
             * Imported
             * @description Run ids in the order given; an already imported session's existing id.
             */
            imported: string[];
            /** Sessions */
            sessions: components["schemas"]["ImportedSession"][];
            /**
             * Warnings
             * @description Every session's warnings and notes, prefixed with its run id.
             */
            warnings: string[];
            /**
             * Latest
             * @description Folder imports: the run id of latest.json's session.
             */
            latest?: string | null;
        };
        /** ImportedLora */
        ImportedLora: {
            /** Rank */
            rank: number;
            /** Alpha */
            alpha: number;
            /** Num Layers */
            num_layers: number;
            /** Keys */
            keys: string[] | null;
        };
        /** ImportedSession */
        ImportedSession: {
            /** Run Id */
            run_id: string;
            /** Session Id */
            session_id: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "imported" | "existing";
            /** Kind */
            kind: string;
            /** Warnings */
            warnings: string[];
            /** Note */
            note?: string | null;
        };
        /** JudgeRequest */
        JudgeRequest: {
            /**
             * Base Url
             * @description OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1
             */
            base_url: string;
            /** Model */
            model: string;
            /**
             * Api Key Env
             * @description Name of the server's environment variable holding the key.
             */
            api_key_env?: string | null;
        };
        /** JudgeSummary */
        JudgeSummary: {
            /** Base Url */
            base_url: string;
            /** Model */
            model: string;
            /** Scored */
            scored: number;
            /** Failed */
            failed: number;
        };
        /** LegacyBestModel */
        LegacyBestModel: {
            /** Val Loss */
            val_loss?: number | null;
            /** Step */
            step?: number | null;
            /**
             * Path
             * @description Weights file of the best checkpoint.
             */
            path?: string | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * LegacyFolder
         * @description A whole sessions folder of the older app: every `session_*.json` in it, plus `latest.json`.
         */
        LegacyFolder: {
            /** Path */
            path: string;
        };
        /** LegacyMetrics */
        LegacyMetrics: {
            /** Current Step */
            current_step?: number | null;
            /** Total Steps */
            total_steps?: number | null;
            /** Train Loss */
            train_loss?: number | null;
            /** Val Loss */
            val_loss?: number | null;
            /** Learning Rate */
            learning_rate?: number | null;
            /** Start Time */
            start_time?: string | number | null;
            /** Estimated Time Remaining */
            estimated_time_remaining?: string | number | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * LegacySession
         * @description One `session_<uuid4>.json`. Unknown top-level keys are kept aside and reported as warnings.
         */
        LegacySession: {
            /**
             * Session Id
             * @description Importing the same session_id again returns the existing session.
             */
            session_id?: string | null;
            /**
             * Id
             * @description Older spelling of session_id.
             */
            id?: string | null;
            /** Name */
            name?: string | null;
            /**
             * Timestamp
             * @description ISO time the run started.
             */
            timestamp?: string | number | null;
            /** Created At */
            created_at?: string | number | null;
            /**
             * Training State
             * @description completed, stopped, error, running…
             */
            training_state?: string | null;
            /**
             * Status
             * @description Older spelling of training_state.
             */
            status?: string | null;
            /** Config */
            config?: {
                [key: string]: unknown;
            } | null;
            /**
             * Training Config
             * @description Older spelling of config.
             */
            training_config?: {
                [key: string]: unknown;
            } | null;
            metrics?: components["schemas"]["LegacyMetrics"] | null;
            /**
             * Adapter Path
             * @description <output_dir>/<adapter_name>/adapters.safetensors (a file) or the adapter folder.
             */
            adapter_path?: string | null;
            best_model?: components["schemas"]["LegacyBestModel"] | null;
        } & {
            [key: string]: unknown;
        };
        /** LoadedSession */
        LoadedSession: {
            /** Session Id */
            session_id: string | null;
        };
        /** LogsResponse */
        LogsResponse: {
            /** Run Id */
            run_id: string | null;
            /** Lines */
            lines: string[];
        };
        /**
         * LoraTargets
         * @description The LoRA keys a model gets (backend/models/lora_policy.py).
         */
        LoraTargets: {
            /**
             * Keys
             * @description Keys written to the YAML; null = mlx-lm's own default.
             */
            keys: string[] | null;
            /** Resolved Keys */
            resolved_keys: string[];
            /** Warnings */
            warnings: string[];
            /**
             * Fallback
             * @description True when the keys could not be verified and every linear is adapted.
             */
            fallback: boolean;
            /** Trainable Parameters */
            trainable_parameters: number | null;
            /** Architecture */
            architecture: string | null;
            /** Attention Only */
            attention_only?: boolean | null;
        };
        /** MemoryBreakdown */
        MemoryBreakdown: {
            /** Weights */
            weights: number;
            /** Lora Params */
            lora_params: number;
            /** Gradients */
            gradients: number;
            /** Optimizer State */
            optimizer_state: number;
            /** Activations */
            activations: number;
        };
        /** MemoryEstimate */
        MemoryEstimate: {
            /** Peak Bytes */
            peak_bytes: number;
            breakdown: components["schemas"]["MemoryBreakdown"];
            /** Available Bytes */
            available_bytes: number;
            /** Verdict */
            verdict: string;
            /** Sequence Length */
            sequence_length: number;
            /** Lora Parameters */
            lora_parameters: number;
        };
        /** MethodParameter */
        MethodParameter: {
            /** Name */
            name: string;
            /** Default */
            default: string | number | boolean | string[] | number[] | null;
            /**
             * Description
             * @default
             */
            description?: string;
            /**
             * Fixed
             * @default false
             */
            fixed?: boolean;
            /**
             * Type
             * @description JSON-schema type: integer, number, boolean, string, array.
             * @default string
             */
            type?: string;
            /** Choices */
            choices?: string[] | null;
            /** Minimum */
            minimum?: number | null;
            /** Maximum */
            maximum?: number | null;
            /** Exclusiveminimum */
            exclusiveMinimum?: number | null;
            /** Exclusivemaximum */
            exclusiveMaximum?: number | null;
        };
        /** MethodsResponse */
        MethodsResponse: {
            /** Methods */
            methods: components["schemas"]["TrainingMethod"][];
            /** Reward Functions */
            reward_functions: components["schemas"]["RewardFunctionInfo"][];
        };
        /** MetricHistory */
        MetricHistory: {
            /** Train */
            train: components["schemas"]["TrainPoint"][];
            /** Val */
            val: components["schemas"]["ValPoint"][];
        };
        /** ModelEntry */
        ModelEntry: {
            /** Name */
            name: string;
            /** Path */
            path: string;
            /** Model Type */
            model_type: string | null;
            /** Num Hidden Layers */
            num_hidden_layers: number | null;
            /** Hidden Size */
            hidden_size: number | null;
            /** Vocab Size */
            vocab_size: number | null;
            quantized: components["schemas"]["Quantization"] | null;
            /** Size Bytes */
            size_bytes: number | null;
            /** Coverage Presets */
            coverage_presets: number[];
            /** Depth Is Standard */
            depth_is_standard: boolean | null;
            /** Error */
            error: string | null;
            /**
             * Usable
             * @description False when this mlx-lm cannot build the architecture (see error).
             * @default true
             */
            usable?: boolean;
            lora_targets?: components["schemas"]["LoraTargets"] | null;
        };
        /** ModelFolder */
        ModelFolder: {
            /** Path */
            path: string;
            /**
             * Source
             * @description added: from the Setup tab (removable); configured: --models / LORA_STUDIO_MODELS.
             * @enum {string}
             */
            source: "added" | "configured" | "demo" | "hf_cache";
            /** Removable */
            removable: boolean;
            /** Exists */
            exists: boolean;
        };
        /** ModelFolderCreate */
        ModelFolderCreate: {
            /**
             * Path
             * @description A model folder, a folder of model folders, or a Hugging Face hub cache.
             */
            path: string;
        };
        /** ModelFolders */
        ModelFolders: {
            /** Folders */
            folders: components["schemas"]["ModelFolder"][];
        };
        /** ModelInfo */
        ModelInfo: {
            /** Model Path */
            model_path: string;
            /** Adapter Path */
            adapter_path: string | null;
            /** Adapter File */
            adapter_file: string | null;
            /** Checkpoint */
            checkpoint: string | null;
            /** Session Id */
            session_id: string | null;
            /** Loaded From Cache */
            loaded_from_cache: boolean;
            /** Load Seconds */
            load_seconds: number;
        };
        /** NotificationData */
        NotificationData: {
            /**
             * Level
             * @enum {string}
             */
            level: "info" | "warning" | "error";
            /** Title */
            title: string;
            /** Message */
            message: string;
        };
        /** NotificationEvent */
        NotificationEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "notification";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["NotificationData"];
        };
        /** Quantization */
        Quantization: {
            /** Bits */
            bits?: number | null;
            /** Group Size */
            group_size?: number | null;
            /** Mode */
            mode?: string | null;
            /** Quant Method */
            quant_method?: string | null;
            /**
             * Mixed
             * @default false
             */
            mixed?: boolean;
            /** Layers By Bits */
            layers_by_bits?: {
                [key: string]: number;
            };
            /**
             * Description
             * @description As it is: "4-bit", "3/6-bit mixed", "mxfp4".
             */
            description?: string | null;
        };
        /** QueueCreate */
        QueueCreate: {
            /**
             * Kind
             * @description sft = the Setup tab's config, enhanced = Enhanced Setup's (GRPO family).
             * @enum {string}
             */
            kind: "sft" | "enhanced";
            /**
             * Config
             * @description A start body, validated like POST /training/start(-enhanced).
             */
            config: {
                [key: string]: unknown;
            };
        };
        /** QueueCreated */
        QueueCreated: {
            /** Queue Id */
            queue_id: string;
            /** Position */
            position: number | null;
            item: components["schemas"]["QueueItemPublic"];
        };
        /** QueueItemPublic */
        QueueItemPublic: {
            /** Queue Id */
            queue_id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "sft" | "enhanced";
            /**
             * Position
             * @description Place among queued items (1 = next); null once it left the queue.
             */
            position: number | null;
            /**
             * State
             * @enum {string}
             */
            state: "queued" | "running" | "done" | "failed" | "cancelled";
            /** Run Id */
            run_id: string | null;
            /** Error */
            error: string | null;
            /** Created At */
            created_at: number;
            /** Updated At */
            updated_at: number;
            /** Summary */
            summary: {
                [key: string]: unknown;
            };
            /** Config */
            config: {
                [key: string]: unknown;
            };
        };
        /** QueueList */
        QueueList: {
            /** Items */
            items: components["schemas"]["QueueItemPublic"][];
        };
        /** QueueMove */
        QueueMove: {
            /**
             * Position
             * @description 1 = next to run; beyond the end = last.
             */
            position: number;
        };
        /**
         * QueueUpdatedData
         * @description The whole queue after any change (backend/training/queue.py).
         */
        QueueUpdatedData: {
            /** Items */
            items: components["schemas"]["QueueItemPublic"][];
        };
        /** QueueUpdatedEvent */
        QueueUpdatedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "queue_updated";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["QueueUpdatedData"];
        };
        /** RankReport */
        RankReport: {
            /** Rank */
            rank: number;
            /** Host */
            host: string;
            /** Reachable */
            reachable: boolean | null;
            /** Error */
            error: string | null;
            /** Hostname */
            hostname?: string | null;
            /** Python */
            python?: string | null;
            /** Mlx Version */
            mlx_version?: string | null;
        };
        /** RenderedRow */
        RenderedRow: {
            /** Segments */
            segments: components["schemas"]["Segment"][];
            /** Tokens */
            tokens: number;
            /** Trained Tokens */
            trained_tokens: number;
            /** Truncated */
            truncated: boolean;
        };
        /** ResumeResponse */
        ResumeResponse: {
            /** Run Id */
            run_id: string;
            /** Config */
            config: {
                [key: string]: unknown;
            };
            /** Yaml Path */
            yaml_path: string;
            /** Resumed From Step */
            resumed_from_step: number;
            /** Warnings */
            warnings: string[];
        };
        /** RewardFunctionInfo */
        RewardFunctionInfo: {
            /** Name */
            name: string;
            /** Description */
            description: string;
        };
        /**
         * RunData
         * @description The run's own validated copy of its data (backend/training/datasets.prepare_run_data).
         */
        RunData: {
            /** Format */
            format: string | null;
            /** Train Rows */
            train_rows: number;
            /** Valid Rows */
            valid_rows: number;
            /**
             * Test Rows
             * @default 0
             */
            test_rows?: number;
            /** Split */
            split: string;
        };
        /**
         * RunMetrics
         * @description The latest numbers of a run: live from the monitor, else from the stored summary (empty when idle).
         */
        RunMetrics: {
            /** Step */
            step?: number | null;
            /** Total Steps */
            total_steps?: number | null;
            /** Train Loss */
            train_loss?: number | null;
            /** Val Loss */
            val_loss?: number | null;
            /** Best Val Loss */
            best_val_loss?: number | null;
            /** Best Step */
            best_step?: number | null;
            /** Learning Rate */
            learning_rate?: number | null;
            /** It Per Sec */
            it_per_sec?: number | null;
            /** Tokens Per Sec */
            tokens_per_sec?: number | null;
            /** Trained Tokens */
            trained_tokens?: number | null;
            /** Peak Mem Gb */
            peak_mem_gb?: number | null;
            /** Eta Seconds */
            eta_seconds?: number | null;
            /** Reward */
            reward?: number | null;
            /** Reward Std */
            reward_std?: number | null;
            /** Kl */
            kl?: number | null;
            /** Step Time */
            step_time?: number | null;
            /** Last Checkpoint Step */
            last_checkpoint_step?: number | null;
        };
        /** Segment */
        Segment: {
            /** Text */
            text: string;
            /** Trained */
            trained: boolean;
        };
        /**
         * ServerEvent
         * @description One websocket message: {type, run_id, seq, ts, data}, `data` shaped by `type`.
         */
        ServerEvent: components["schemas"]["TrainingStateEvent"] | components["schemas"]["TrainingStartedEvent"] | components["schemas"]["TrainingProgressEvent"] | components["schemas"]["TrainingValEvent"] | components["schemas"]["CheckpointSavedEvent"] | components["schemas"]["BestModelUpdatedEvent"] | components["schemas"]["TrainingLogEvent"] | components["schemas"]["TrainingCompletedEvent"] | components["schemas"]["TrainingStoppedEvent"] | components["schemas"]["TrainingErrorEvent"] | components["schemas"]["NotificationEvent"] | components["schemas"]["SessionLoadedEvent"] | components["schemas"]["EvaluationProgressEvent"] | components["schemas"]["EvaluationCompletedEvent"] | components["schemas"]["ExportProgressEvent"] | components["schemas"]["ExportCompletedEvent"] | components["schemas"]["QueueUpdatedEvent"];
        /** SessionDetail */
        SessionDetail: {
            /** Id */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "sft" | "enhanced" | "imported";
            /** Name */
            name: string;
            /** Model Name */
            model_name: string | null;
            /** Model Path */
            model_path: string | null;
            /** Adapter Name */
            adapter_name: string | null;
            /**
             * State
             * @enum {string}
             */
            state: "starting" | "running" | "stopping" | "completed" | "stopped" | "error";
            /** Error */
            error: string | null;
            /** Created At */
            created_at: number;
            /** Updated At */
            updated_at: number;
            /** Steps Completed */
            steps_completed: number;
            /** Total Steps */
            total_steps: number;
            /** Final Train Loss */
            final_train_loss: number | null;
            /** Final Val Loss */
            final_val_loss: number | null;
            /** Best Val Loss */
            best_val_loss: number | null;
            /** Best Step */
            best_step: number | null;
            /**
             * Readiness
             * @enum {string}
             */
            readiness: "ready" | "best_available" | "running" | "incomplete" | "legacy" | "missing_files";
            /** Has Best */
            has_best: boolean;
            /** Legacy */
            legacy: boolean;
            lora: components["schemas"]["SessionLora"];
            /** Method */
            method: string | null;
            /** Ended At */
            ended_at?: number | null;
            /** Config */
            config: {
                [key: string]: unknown;
            } | null;
            /** Yaml */
            yaml: string | null;
            /** Adapter Files */
            adapter_files: components["schemas"]["AdapterFile"][];
            history: components["schemas"]["MetricHistory"];
            /** Evaluations */
            evaluations: components["schemas"]["EvaluationRecord"][];
            lora_targets: components["schemas"]["LoraTargets"] | null;
            /** Warnings */
            warnings: string[];
            data: components["schemas"]["RunData"] | null;
            /** Last Progress */
            last_progress?: {
                [key: string]: number;
            } | null;
            /** Last Checkpoint Step */
            last_checkpoint_step?: number | null;
            /**
             * Exports
             * @default []
             */
            exports?: {
                [key: string]: unknown;
            }[];
            /** Memory */
            memory?: {
                [key: string]: unknown;
            } | null;
        };
        /** SessionLoadedData */
        SessionLoadedData: {
            /** Session Id */
            session_id: string;
        };
        /** SessionLoadedEvent */
        SessionLoadedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "session_loaded";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["SessionLoadedData"];
        };
        /** SessionLora */
        SessionLora: {
            /** Rank */
            rank: number | null;
            /** Alpha */
            alpha: number | null;
            /** Dropout */
            dropout: number | null;
            /** Num Layers */
            num_layers: number | null;
            /** Scale */
            scale: number | null;
            /** Fine Tune Type */
            fine_tune_type?: string | null;
        };
        /** SessionSummary */
        SessionSummary: {
            /** Id */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "sft" | "enhanced" | "imported";
            /** Name */
            name: string;
            /** Model Name */
            model_name: string | null;
            /** Model Path */
            model_path: string | null;
            /** Adapter Name */
            adapter_name: string | null;
            /**
             * State
             * @enum {string}
             */
            state: "starting" | "running" | "stopping" | "completed" | "stopped" | "error";
            /** Error */
            error: string | null;
            /** Created At */
            created_at: number;
            /** Updated At */
            updated_at: number;
            /** Steps Completed */
            steps_completed: number;
            /** Total Steps */
            total_steps: number;
            /** Final Train Loss */
            final_train_loss: number | null;
            /** Final Val Loss */
            final_val_loss: number | null;
            /** Best Val Loss */
            best_val_loss: number | null;
            /** Best Step */
            best_step: number | null;
            /**
             * Readiness
             * @enum {string}
             */
            readiness: "ready" | "best_available" | "running" | "incomplete" | "legacy" | "missing_files";
            /** Has Best */
            has_best: boolean;
            /** Legacy */
            legacy: boolean;
            lora: components["schemas"]["SessionLora"];
            /** Method */
            method: string | null;
            /** Ended At */
            ended_at?: number | null;
        };
        /** SideAggregate */
        SideAggregate: {
            /**
             * Scores
             * @description 0–100 per metric (see `formulas`).
             */
            scores: {
                [key: string]: number | null;
            };
            /** Mean Nll */
            mean_nll: number | null;
            /** Perplexity */
            perplexity: number | null;
            /**
             * Judged Samples
             * @default 0
             */
            judged_samples?: number;
        };
        /**
         * SideScores
         * @description One side (base or adapter) of a sample: its reference NLL and 0–1 text scores.
         */
        SideScores: {
            /** Nll */
            nll: number | null;
            /** Perplexity */
            perplexity: number | null;
            /** Exact Match */
            exact_match?: number | null;
            /** Token F1 */
            token_f1?: number | null;
            /** Rouge L */
            rouge_l?: number | null;
        };
        /** SplitCounts */
        SplitCounts: {
            /** Train */
            train: number;
            /** Valid */
            valid: number;
            /** Test */
            test: number;
        };
        /**
         * StallStatus
         * @description The stall watchdog's view of a live run (backend/training/watchdog.py).
         */
        StallStatus: {
            /** Idle S */
            idle_s: number;
            /** Timeout S */
            timeout_s: number;
            /** Warn After S */
            warn_after_s: number;
            /** Beating */
            beating: boolean;
        };
        /** StartResponse */
        StartResponse: {
            /** Run Id */
            run_id: string;
            /** Config */
            config: {
                [key: string]: unknown;
            };
            /** Yaml Path */
            yaml_path: string;
            /** Warnings */
            warnings: string[];
            data: components["schemas"]["RunData"];
            lora_targets: components["schemas"]["LoraTargets"];
            /** World Size */
            world_size: number;
            /** Effective Batch Size */
            effective_batch_size: number;
        };
        /** StopResponse */
        StopResponse: {
            /** Run Id */
            run_id: string;
            /**
             * State
             * @constant
             */
            state: "stopping";
        };
        /** TestRequest */
        TestRequest: {
            /**
             * Prompt
             * @description User message; at most 16000 characters.
             */
            prompt: string;
            /**
             * System
             * @description Optional system message.
             */
            system?: string | null;
            /**
             * Max Tokens
             * @default 512
             */
            max_tokens?: number;
            /**
             * Temperature
             * @description 0 = greedy (deterministic).
             * @default 0.7
             */
            temperature?: number;
            /**
             * Top P
             * @default 1
             */
            top_p?: number;
            /**
             * Model Path
             * @description test-base only: a model directory instead of a session's model.
             */
            model_path?: string | null;
            /**
             * Session Id
             * @description Defaults to the loaded session.
             */
            session_id?: string | null;
            /**
             * Checkpoint
             * @description final = adapters.safetensors, best = best_adapters.safetensors
             * @default final
             * @enum {string}
             */
            checkpoint?: "final" | "best";
            /**
             * Raw Prompt
             * @description true: the prompt text as is, without the chat template; unset: the session's default (raw when it trained on plain text rows).
             */
            raw_prompt?: boolean | null;
        };
        /** TestResponse */
        TestResponse: {
            /** Response */
            response: string;
            /** Tokens */
            tokens: number;
            /** Tokens Per Sec */
            tokens_per_sec: number;
            /** Prompt Tokens */
            prompt_tokens: number;
            /** Elapsed Seconds */
            elapsed_seconds: number;
            /** Raw Prompt */
            raw_prompt: boolean;
            /**
             * Prompt Text
             * @description The prompt as the model saw it (chat template applied or not).
             */
            prompt_text: string;
            model_info: components["schemas"]["ModelInfo"];
        };
        /** TokenStats */
        TokenStats: {
            /** Min */
            min: number;
            /** Median */
            median: number;
            /** P95 */
            p95: number;
            /** Max */
            max: number;
            /** Measured Rows */
            measured_rows: number;
            /** Max Seq Length */
            max_seq_length: number | null;
            /** Over Max Seq Length */
            over_max_seq_length: number;
            /** Histogram */
            histogram: components["schemas"]["HistogramBin"][];
        };
        /** TrainPoint */
        TrainPoint: {
            /** Step */
            step: number;
            /** Train Loss */
            train_loss?: number | null;
            /** Learning Rate */
            learning_rate?: number | null;
            /** Tokens Per Sec */
            tokens_per_sec?: number | null;
            /** Step Time */
            step_time?: number | null;
            /** Peak Mem Gb */
            peak_mem_gb?: number | null;
            /** Trained Tokens */
            trained_tokens?: number | null;
            /** Reward */
            reward?: number | null;
            /** Reward Std */
            reward_std?: number | null;
            /** Kl */
            kl?: number | null;
        };
        /** TrainingCompletedData */
        TrainingCompletedData: {
            /** Step */
            step?: number | null;
            /** Total */
            total?: number | null;
            /** Final Train Loss */
            final_train_loss?: number | null;
            /** Final Val Loss */
            final_val_loss?: number | null;
            /** Best Val Loss */
            best_val_loss?: number | null;
            /** Seconds */
            seconds?: number | null;
            /** Rank */
            rank?: number | null;
            /**
             * Early Stopped
             * @default false
             */
            early_stopped?: boolean;
        };
        /** TrainingCompletedEvent */
        TrainingCompletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "training_completed";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["TrainingCompletedData"];
        };
        /**
         * TrainingConfig
         * @description An SFT run. GRPO-family fields are not part of it (moving a config between tabs is the SPA's job).
         */
        TrainingConfig: {
            /**
             * Lr Schedule
             * @description Learning-rate shape after the warmup: constant, cosine decay or linear decay to min_learning_rate.
             * @default constant
             * @enum {string}
             */
            lr_schedule?: "constant" | "cosine" | "linear";
            /**
             * Warmup Steps
             * @description Optimizer updates of linear warmup from 0 to the learning rate; fewer than the run's updates.
             * @default 0
             */
            warmup_steps?: number;
            /**
             * Min Learning Rate
             * @description Where cosine and linear decay end.
             * @default 0
             */
            min_learning_rate?: number;
            /**
             * Optimizer
             * @default adam
             * @enum {string}
             */
            optimizer?: "adam" | "adamw" | "sgd" | "adafactor" | "muon";
            /**
             * Weight Decay
             * @description Empty = the optimizer's own default (AdamW and Muon 0.01, SGD and Adafactor 0); Adam has none.
             */
            weight_decay?: number | null;
            /**
             * Grad Accumulation Steps
             * @description Training steps whose gradients are summed into one optimizer update.
             * @default 1
             */
            grad_accumulation_steps?: number;
            /**
             * Max Grad Norm
             * @description Clip the global gradient norm to this before each update; empty = no clipping.
             */
            max_grad_norm?: number | null;
            /**
             * Epochs
             * @description Alternative to iterations: iterations = ceil(epochs × train rows / effective batch size).
             */
            epochs?: number | null;
            /**
             * Model Path
             * @description Directory of an MLX model (config.json, *.safetensors, tokenizer).
             */
            model_path: string;
            /**
             * Train Data Path
             * @description A dataset file (.jsonl, .json, .csv, .tsv, .parquet, .arrow) or folder (mlx-lm train/valid/test.jsonl, Hugging Face save_to_disk).
             */
            train_data_path: string;
            /**
             * Val Data Path
             * @description Validation data in any dataset format; without it the source's own validation split, else 10% of train held out (seeded).
             */
            val_data_path?: string | null;
            /**
             * Data Mapping
             * @description Tabular data: columns as prompt/completion (or prompt/answer), optional system.
             */
            data_mapping?: {
                [key: string]: string;
            } | null;
            /**
             * Adapter Name
             * @description Letters, digits, dot, dash, underscore; at most 64 characters.
             * @default adapter
             */
            adapter_name?: string;
            /**
             * Learning Rate
             * @default 0.0001
             */
            learning_rate?: number;
            /**
             * Batch Size
             * @description Rows per step on each process (the global batch is this × the distributed world size).
             * @default 1
             */
            batch_size?: number;
            /**
             * Max Seq Length
             * @default 2048
             */
            max_seq_length?: number;
            /**
             * Iterations
             * @default 1000
             */
            iterations?: number;
            /**
             * Steps Per Report
             * @default 25
             */
            steps_per_report?: number;
            /**
             * Steps Per Eval
             * @default 200
             */
            steps_per_eval?: number;
            /**
             * Save Every
             * @default 25
             */
            save_every?: number;
            /**
             * Val Batches
             * @description Validation batches per evaluation; -1 uses the whole set.
             * @default 25
             */
            val_batches?: number;
            /**
             * Lora Rank
             * @default 32
             */
            lora_rank?: number;
            /**
             * Lora Alpha
             * @default 32
             */
            lora_alpha?: number;
            /**
             * Fine Tune Type
             * @default lora
             * @enum {string}
             */
            fine_tune_type?: "lora" | "dora";
            /**
             * Lora Dropout
             * @default 0
             */
            lora_dropout?: number;
            /**
             * Lora Num Layers
             * @description -1 = all blocks, else the top-k blocks.
             * @default -1
             */
            lora_num_layers?: number;
            /**
             * Seed
             * @default 0
             */
            seed?: number;
            distributed?: components["schemas"]["DistributedConfig"];
            /**
             * Stall Timeout S
             * @description Declare the run stalled (error, every process stopped, last checkpoint kept) after this many seconds without a completed step; default max(60 s, 10 x the median step time).
             */
            stall_timeout_s?: number | null;
            /**
             * Early Stop
             * @default true
             */
            early_stop?: boolean;
            /**
             * Patience
             * @description Validations without improvement before stopping early.
             * @default 3
             */
            patience?: number;
            /**
             * Grad Checkpoint
             * @default false
             */
            grad_checkpoint?: boolean;
            /**
             * Mask Prompt
             * @default false
             */
            mask_prompt?: boolean;
        };
        /**
         * TrainingDefaults
         * @description The SFT config's defaults and limits, derived from its schema (GET /training/defaults).
         */
        TrainingDefaults: {
            /** Defaults */
            defaults: {
                [key: string]: unknown;
            };
            /** Ui Overrides */
            ui_overrides: {
                [key: string]: unknown;
            };
            /** Limits */
            limits: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            /** Required */
            required: string[];
        };
        /** TrainingErrorData */
        TrainingErrorData: {
            /** Message */
            message: string;
            /** Traceback */
            traceback?: string | null;
            /** Rank */
            rank?: number | null;
            /** Rank Failure */
            rank_failure?: boolean | null;
            /** Interrupted */
            interrupted?: boolean | null;
        };
        /** TrainingErrorEvent */
        TrainingErrorEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "training_error";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["TrainingErrorData"];
        };
        /** TrainingLogData */
        TrainingLogData: {
            /** Line */
            line: string;
        };
        /** TrainingLogEvent */
        TrainingLogEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "training_log";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["TrainingLogData"];
        };
        /** TrainingMethod */
        TrainingMethod: {
            /**
             * Id
             * @enum {string}
             */
            id: "grpo" | "gspo" | "dr_grpo";
            /** Name */
            name: string;
            /** Full Name */
            full_name: string;
            /** Description */
            description: string;
            /** Parameters */
            parameters: components["schemas"]["MethodParameter"][];
            /** Defaults */
            defaults: {
                [key: string]: unknown;
            };
        };
        /** TrainingProgressData */
        TrainingProgressData: {
            /** Step */
            step: number;
            /** Total */
            total: number;
            /** Train Loss */
            train_loss: number;
            /** Learning Rate */
            learning_rate?: number | null;
            /** It Per Sec */
            it_per_sec?: number | null;
            /**
             * Step Time
             * @description Seconds per optimizer step over the report window.
             */
            step_time?: number | null;
            /** Tokens Per Sec */
            tokens_per_sec?: number | null;
            /** Trained Tokens */
            trained_tokens?: number | null;
            /** Peak Mem Gb */
            peak_mem_gb?: number | null;
            /** Eta Seconds */
            eta_seconds?: number | null;
            /** Rank */
            rank?: number | null;
            /** Reward */
            reward?: number | null;
            /** Reward Std */
            reward_std?: number | null;
            /** Kl */
            kl?: number | null;
            /** Rewards */
            rewards?: {
                [key: string]: number | null;
            } | null;
            /** Avg Completion Tokens */
            avg_completion_tokens?: number | null;
        };
        /** TrainingProgressEvent */
        TrainingProgressEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "training_progress";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["TrainingProgressData"];
        };
        /** TrainingStartedData */
        TrainingStartedData: {
            /** Config */
            config: {
                [key: string]: unknown;
            };
            /**
             * Kind
             * @enum {string}
             */
            kind: "sft" | "enhanced" | "imported";
            /** Total Steps */
            total_steps: number;
            lora_targets: components["schemas"]["LoraTargets"] | null;
            /** Yaml Path */
            yaml_path: string | null;
            /** Resumed From */
            resumed_from: number | null;
        };
        /** TrainingStartedEvent */
        TrainingStartedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "training_started";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["TrainingStartedData"];
        };
        /**
         * TrainingStateData
         * @description Sent once on connect (seq null): the current status and the newest stored seq.
         */
        TrainingStateData: {
            /** State */
            state: ("starting" | "running" | "stopping" | "completed" | "stopped" | "error") | "idle";
            /** Run Id */
            run_id: string | null;
            /** Kind */
            kind: ("sft" | "enhanced" | "imported") | null;
            /** Config */
            config: {
                [key: string]: unknown;
            } | null;
            metrics: components["schemas"]["RunMetrics"];
            /** Error */
            error: string | null;
            /** Started At */
            started_at: number | null;
            /** Ended At */
            ended_at?: number | null;
            stall?: components["schemas"]["StallStatus"] | null;
            lora_targets?: components["schemas"]["LoraTargets"] | null;
            /** World Size */
            world_size?: number | null;
            /** Effective Batch Size */
            effective_batch_size?: number | null;
            /** Last Seq */
            last_seq: number;
        };
        /** TrainingStateEvent */
        TrainingStateEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "training_state";
            /** Run Id */
            run_id: string | null;
            /** Seq */
            seq: number | null;
            /** Ts */
            ts: number | null;
            data: components["schemas"]["TrainingStateData"];
        };
        /** TrainingStatus */
        TrainingStatus: {
            /** State */
            state: ("starting" | "running" | "stopping" | "completed" | "stopped" | "error") | "idle";
            /** Run Id */
            run_id: string | null;
            /** Kind */
            kind: ("sft" | "enhanced" | "imported") | null;
            /** Config */
            config: {
                [key: string]: unknown;
            } | null;
            metrics: components["schemas"]["RunMetrics"];
            /** Error */
            error: string | null;
            /** Started At */
            started_at: number | null;
            /** Ended At */
            ended_at?: number | null;
            stall?: components["schemas"]["StallStatus"] | null;
            lora_targets?: components["schemas"]["LoraTargets"] | null;
            /** World Size */
            world_size?: number | null;
            /** Effective Batch Size */
            effective_batch_size?: number | null;
        };
        /** TrainingStoppedData */
        TrainingStoppedData: {
            /** Step */
            step?: number | null;
            /** Total */
            total?: number | null;
            /** Final Train Loss */
            final_train_loss?: number | null;
            /** Final Val Loss */
            final_val_loss?: number | null;
            /** Best Val Loss */
            best_val_loss?: number | null;
            /** Seconds */
            seconds?: number | null;
            /** Rank */
            rank?: number | null;
            /**
             * Forced
             * @description Killed before it could report (its last checkpoint is kept).
             */
            forced?: boolean | null;
            /** Message */
            message?: string | null;
        };
        /** TrainingStoppedEvent */
        TrainingStoppedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "training_stopped";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["TrainingStoppedData"];
        };
        /** TrainingValData */
        TrainingValData: {
            /** Step */
            step: number;
            /** Val Loss */
            val_loss: number;
            /** Val Time */
            val_time?: number | null;
            /** Rank */
            rank?: number | null;
        };
        /** TrainingValEvent */
        TrainingValEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "training_val";
            /** Run Id */
            run_id: string | null;
            /**
             * Seq
             * @description Global, increasing; resume with after_seq.
             */
            seq: number;
            /** Ts */
            ts: number;
            data: components["schemas"]["TrainingValData"];
        };
        /** ValPoint */
        ValPoint: {
            /** Step */
            step: number;
            /** Val Loss */
            val_loss: number | null;
        };
        /** ValidateRequest */
        ValidateRequest: {
            /**
             * Path
             * @description A file (.jsonl, .json, .csv, .tsv, .parquet, .arrow) or a folder (mlx-lm train/valid/test.jsonl, Hugging Face save_to_disk).
             */
            path: string;
            /**
             * Kind
             * @default sft
             * @enum {string}
             */
            kind?: "sft" | "grpo";
            /**
             * Model Path
             * @description With a model: rendered rows and token statistics.
             */
            model_path?: string | null;
            /** Max Seq Length */
            max_seq_length?: number | null;
            /**
             * Mapping
             * @description Columns as prompt/completion (sft) or prompt/answer (grpo), optional system.
             */
            mapping?: {
                [key: string]: string;
            } | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    list_folders_models_folders_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelFolders"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    add_folder_models_folders_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModelFolderCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelFolders"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    remove_folder_models_folders_delete: {
        parameters: {
            query: {
                path: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    health_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    list_models_models_get: {
        parameters: {
            query?: {
                refresh?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelEntry"][];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    model_targets_models_targets_get: {
        parameters: {
            query: {
                path: string;
                rank?: number;
                num_layers?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoraTargets"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    list_datasets_datasets_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetEntry"][];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    validate_dataset_datasets_validate_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatasetValidation"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    defaults_training_defaults_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingDefaults"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    start_training_start_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrainingConfig"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartResponse"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    stop_training_stop_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StopResponse"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    status_training_status_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingStatus"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    logs_training_logs_get: {
        parameters: {
            query?: {
                run_id?: string | null;
                tail?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogsResponse"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    distributed_check_training_distributed_check_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DistributedCheck"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DistributedCheckResult"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    estimate_memory_training_estimate_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrainingConfig"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemoryEstimate"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    methods_training_methods_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MethodsResponse"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    start_training_start_enhanced_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnhancedTrainingConfig"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StartResponse"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    list_sessions_sessions_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionSummary"][];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    loaded_sessions_loaded_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoadedSession"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    get_session_sessions__session_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetail"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    delete_session_sessions__session_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    load_session_sessions__session_id__load_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoadedSession"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    resume_session_sessions__session_id__resume_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResumeResponse"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    import_sessions_sessions_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegacySession"][] | components["schemas"]["LegacyFolder"] | components["schemas"]["LegacySession"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    test_base_model_test_base_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestResponse"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    test_adapter_model_test_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestResponse"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    stream_adapter_model_test_stream_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestRequest"];
            };
        };
        responses: {
            /** @description Server-sent events: `token` {text}, then `done` (a TestResponse) or `error` {message} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    stream_base_model_test_base_stream_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestRequest"];
            };
        };
        responses: {
            /** @description Server-sent events: `token` {text}, then `done` (a TestResponse) or `error` {message} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    start_evaluation_start_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluationRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationStarted"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Conflicts with the current state (a run is active, nothing to stop, ...) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    get_evaluation__evaluation_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationStatus"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    events_events_get: {
        parameters: {
            query?: {
                after_seq?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerEvent"][];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    import__adapters_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdapterImportRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdapterImported"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    start_sessions__session_id__export_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportStarted"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    list_exports_exports_get: {
        parameters: {
            query?: {
                session_id?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportStatus"][];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    get_exports__export_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                export_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportStatus"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    delete_exports__export_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                export_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    items_queue_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueList"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    add_queue_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueCreated"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    cancel_queue__queue_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueItemPublic"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
    move_queue__queue_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                queue_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueMove"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueItemPublic"];
                };
            };
            /** @description Missing or invalid API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Origin not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Invalid input: the fields at fault, or a message */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
            /** @description Internal error (the traceback is in the server log only) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDetail"];
                };
            };
        };
    };
}
