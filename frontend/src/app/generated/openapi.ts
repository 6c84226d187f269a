/**
 * Generated from the OpenAPI schema of the LoRA Studio backend (`python -m backend openapi`) by
 * openapi-typescript: run `npm run gen:api` after changing a backend schema. Do not edit by hand;
 * `npm run check:api` (in `make test`) fails when this file is stale.
 */
export interface paths {
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
        /** Validate Dataset */
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
        /** Import Sessions */
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
            format: ("messages" | "completions" | "text" | "grpo") | null;
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
        };
        /** DatasetErrorDetail */
        DatasetErrorDetail: {
            /** Message */
            message: string;
            /** Errors */
            errors?: components["schemas"]["DatasetLineError"][];
        };
        /** DatasetLineError */
        DatasetLineError: {
            /**
             * Line
             * @description 1-based line of the file; 0 for the file as a whole.
             */
            line: number;
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
            /** Format */
            format: ("messages" | "completions" | "text" | "grpo") | null;
            /** Rows */
            rows: number;
            /** Errors */
            errors: components["schemas"]["DatasetLineError"][];
            /** Preview */
            preview: {
                [key: string]: unknown;
            }[];
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
             * Model Path
             * @description Directory of an MLX model (config.json, *.safetensors, tokenizer).
             */
            model_path: string;
            /**
             * Train Data Path
             * @description JSONL rows {prompt, answer, system?}.
             */
            train_data_path: string;
            /**
             * Val Data Path
             * @description JSONL validation data; without it 10% of train is held out (seeded).
             */
            val_data_path?: string | null;
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
            session_id: string;
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
            request: components["schemas"]["EvaluationRequest"];
            result: components["schemas"]["EvaluationResult"] | null;
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
        };
        /** ImportResponse */
        ImportResponse: {
            /** Imported */
            imported: string[];
            /** Warnings */
            warnings: string[];
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
            lora_targets?: components["schemas"]["LoraTargets"] | null;
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
        };
        /**
         * ServerEvent
         * @description One websocket message: {type, run_id, seq, ts, data}, `data` shaped by `type`.
         */
        ServerEvent: components["schemas"]["TrainingStateEvent"] | components["schemas"]["TrainingStartedEvent"] | components["schemas"]["TrainingProgressEvent"] | components["schemas"]["TrainingValEvent"] | components["schemas"]["CheckpointSavedEvent"] | components["schemas"]["BestModelUpdatedEvent"] | components["schemas"]["TrainingLogEvent"] | components["schemas"]["TrainingCompletedEvent"] | components["schemas"]["TrainingStoppedEvent"] | components["schemas"]["TrainingErrorEvent"] | components["schemas"]["NotificationEvent"] | components["schemas"]["SessionLoadedEvent"] | components["schemas"]["EvaluationProgressEvent"] | components["schemas"]["EvaluationCompletedEvent"];
        /** SessionDetail */
        SessionDetail: {
            /** Id */
            id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "sft" | "enhanced";
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
            kind: "sft" | "enhanced";
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
            model_info: components["schemas"]["ModelInfo"];
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
             * Model Path
             * @description Directory of an MLX model (config.json, *.safetensors, tokenizer).
             */
            model_path: string;
            /**
             * Train Data Path
             * @description JSONL training data (messages, prompt/completion or text rows).
             */
            train_data_path: string;
            /**
             * Val Data Path
             * @description JSONL validation data; without it 10% of train is held out (seeded).
             */
            val_data_path?: string | null;
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
             * Fine Tune Type
             * @default lora
             * @enum {string}
             */
            fine_tune_type?: "lora" | "dora";
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
            kind: "sft" | "enhanced";
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
            kind: ("sft" | "enhanced") | null;
            /** Config */
            config: {
                [key: string]: unknown;
            } | null;
            metrics: components["schemas"]["RunMetrics"];
            /** Error */
            error: string | null;
            /** Started At */
            started_at: number | null;
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
            kind: ("sft" | "enhanced") | null;
            /** Config */
            config: {
                [key: string]: unknown;
            } | null;
            metrics: components["schemas"]["RunMetrics"];
            /** Error */
            error: string | null;
            /** Started At */
            started_at: number | null;
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
            /** Path */
            path: string;
            /**
             * Kind
             * @default sft
             * @enum {string}
             */
            kind?: "sft" | "grpo";
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
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
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
}
