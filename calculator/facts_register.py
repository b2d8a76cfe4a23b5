"""The facts register: every figure the guide takes from outside its source article.

Data only, one record per fact; ``facts.py`` loads and checks it. A record has:

- ``id``: stable kebab-case name; pages link to it as ``facts.md#<id>``.
- ``subject``: a short heading for the fact.
- ``topic``: one of ``facts.TOPICS``.
- ``claim``: the fact in the guide's own words.
- ``value``: the figure or date itself, short.
- ``source``: the public address it was checked against.
- ``checked``: the day it was last checked (ISO date).
- ``status``: ``confirmed`` (read in the provider's or author's own text), ``secondary`` (read in
  a report or copy that quotes the primary text, the primary page not being available in full) or
  ``unconfirmed`` (kept from an earlier edition; the check found no text that states it).
- ``note``: optional; what the check found, or the caveat a reader needs.

Kept as a Python module rather than JSON so that the calculator's browser library, which ships
the package's modules only, carries it too. Re-check a fact, then change ``checked``; run
``python3 -m calculator facts --older-than 180`` to list those due.
"""

from __future__ import annotations

__all__ = ["RECORDS"]

_OPENAI_DEPRECATIONS = "https://developers.openai.com/api/docs/deprecations"
_CHECKED = "2026-12-02"

RECORDS: tuple[dict[str, str], ...] = (
    # Hosted fine-tuning routes and their status
    {
        "id": "openai-ft-wind-down",
        "subject": "OpenAI self-serve fine-tuning: wind-down notice",
        "topic": "route",
        "claim": "OpenAI told developers that its self-serve fine-tuning is winding down; "
        "organisations that had never fine-tuned could no longer start jobs from that day.",
        "value": "notice 2026-05-07",
        "source": _OPENAI_DEPRECATIONS,
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "The deprecations page carries the notice under 'Update to OpenAI's self-serve "
        "fine-tuning'.",
    },
    {
        "id": "openai-ft-inactive-cutoff",
        "subject": "OpenAI fine-tuning: cut-off for inactive organisations",
        "topic": "route",
        "claim": "Organisations with no inference on a fine-tuned OpenAI model in the previous "
        "60 days lost the ability to start fine-tuning jobs.",
        "value": "2026-07-02",
        "source": _OPENAI_DEPRECATIONS,
        "checked": _CHECKED,
        "status": "secondary",
        "note": "The stored copy of the deprecations page was cut short; the date was read in "
        "reports that quote it (wpnews.pro, techscurrent.com, July 2026).",
    },
    {
        "id": "openai-ft-final-cutoff",
        "subject": "OpenAI fine-tuning: last day for new jobs",
        "topic": "route",
        "claim": "No organisation can start a new OpenAI fine-tuning job after this day; existing "
        "fine-tuned models keep serving until their base model retires.",
        "value": "2027-01-06",
        "source": _OPENAI_DEPRECATIONS,
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Read in reports quoting the deprecations page (aihola.com, partnerinai.com, "
        "codersera.com).",
    },
    {
        "id": "openai-gpt4-family-retirement",
        "subject": "OpenAI GPT-4o and GPT-4.1 families: API retirement",
        "topic": "date",
        "claim": "OpenAI retires GPT-4o (2024-08-06 and 2024-11-20), GPT-4o mini, GPT-4.1 and "
        "GPT-4.1 mini from the API; fine-tunes of these models stop on the same day.",
        "value": "2027-01-14",
        "source": _OPENAI_DEPRECATIONS,
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Notice dated 2026-10-14; read in a translated mirror of the deprecations page "
        "(w3cschool.cn) and in codersera.com.",
    },
    {
        "id": "openai-notice-period",
        "subject": "OpenAI model retirement: minimum notice",
        "topic": "date",
        "claim": "OpenAI's stated minimum notice before retiring a generally available model.",
        "value": "6 months",
        "source": _OPENAI_DEPRECATIONS,
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "Specialised variants get at least 3 months, preview models as little as 2 weeks.",
    },
    {
        "id": "cohere-ft-deprecated",
        "subject": "Cohere fine-tuning: deprecated",
        "topic": "route",
        "claim": "Cohere deprecated its fine-tuning feature.",
        "value": "2025-09-15",
        "source": "https://docs.cohere.com/docs/chat-fine-tuning",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "gemini-api-no-tuning",
        "subject": "Gemini API: no tunable model",
        "topic": "route",
        "claim": "No model in the Gemini API or Google AI Studio can be fine-tuned since Gemini "
        "1.5 Flash-001 was deprecated; tuning remains available on Vertex AI.",
        "value": "none since May 2025",
        "source": "https://ai.google.dev/gemini-api/docs/model-tuning",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "vertex-ai-tuning",
        "subject": "Vertex AI: supervised tuning of Gemini",
        "topic": "route",
        "claim": "Vertex AI offers supervised fine-tuning of Gemini models on a JSONL dataset.",
        "value": "available",
        "source": "https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini-supervised-tuning",
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "Which Gemini versions can be tuned changes with each release; check the list.",
    },
    {
        "id": "bedrock-custom-model-inference",
        "subject": "Amazon Bedrock: serving a customised model",
        "topic": "route",
        "claim": "A model customised on Amazon Bedrock is served either through Provisioned "
        "Throughput, billed by the hour at the base model's rate, or through an on-demand "
        "custom model deployment billed per use.",
        "value": "hourly, or per use where offered",
        "source": "https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-use.html",
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "The translated copies of the page limit on-demand deployment to Amazon Nova "
        "models; the English copy did not say so. Hourly billing: "
        "https://docs.aws.amazon.com/bedrock/latest/userguide/prov-throughput.html",
    },
    {
        "id": "azure-ft-hosting-fee",
        "subject": "Azure OpenAI: hosting fee for fine-tuned deployments",
        "topic": "price",
        "claim": "A deployed fine-tuned model on Azure OpenAI incurs an hourly hosting charge "
        "whether or not it is called; an undeployed one is stored free.",
        "value": "hourly while deployed",
        "source": "https://learn.microsoft.com/azure/ai-foundry/openai/how-to/fine-tuning-deploy",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "azure-ft-developer-tier",
        "subject": "Azure OpenAI: Developer deployment for evaluation",
        "topic": "price",
        "claim": "Azure's Developer deployment type serves a fine-tuned model for evaluation "
        "without the hourly hosting fee, with no SLA, and expires after 24 hours.",
        "value": "no hosting fee, 24 h lifetime",
        "source": "https://learn.microsoft.com/azure/ai-services/openai/how-to/fine-tune-test",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "azure-ft-idle-deletion",
        "subject": "Azure OpenAI: idle deployments deleted",
        "topic": "route",
        "claim": "Azure deletes a customised-model deployment that has had no completion calls "
        "for 15 days; the model itself is kept and can be redeployed.",
        "value": "15 days idle",
        "source": "https://learn.microsoft.com/azure/ai-services/openai/how-to/manage-costs",
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "Read in the zh-cn edition of the page; the English edition was not in the "
        "stored copy.",
    },
    # Prices, minimums and discounts
    {
        "id": "openai-cache-minimum",
        "subject": "OpenAI prompt caching: minimum prompt length",
        "topic": "minimum",
        "claim": "OpenAI caches a prompt prefix automatically only when the prompt is at least "
        "this long; caching carries no extra fee and can cut input cost by up to 90%.",
        "value": "1,024 tokens",
        "source": "https://developers.openai.com/docs/guides/prompt-caching",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "anthropic-cache-prices",
        "subject": "Anthropic prompt caching: write and read prices",
        "topic": "price",
        "claim": "Anthropic bills a cache write at 1.25 times the input price (5-minute cache) "
        "or 2 times (1-hour cache), and a cache read at 0.1 times.",
        "value": "write 1.25x or 2x, read 0.1x",
        "source": "https://platform.claude.com/docs/en/build-with-claude/prompt-caching",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "The stored copy of Anthropic's page did not include the price table; the "
        "multipliers were read in several gateway documents that reproduce it.",
    },
    {
        "id": "anthropic-cache-minimum",
        "subject": "Anthropic prompt caching: minimum prefix",
        "topic": "minimum",
        "claim": "The shortest prefix Anthropic will cache depends on the model: 1,024 tokens "
        "for several Claude models, 2,048 or 4,096 for others.",
        "value": "1,024 to 4,096 tokens",
        "source": "https://platform.claude.com/docs/en/build-with-claude/prompt-caching",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Table read in docs.litellm.ai and docs.orq.ai; below the minimum the request "
        "runs uncached without an error.",
    },
    {
        "id": "openai-batch-discount",
        "subject": "Batch APIs: discount for asynchronous calls",
        "topic": "price",
        "claim": "OpenAI's Batch API runs requests asynchronously within 24 hours at half the "
        "price of the synchronous API.",
        "value": "50% off",
        "source": "https://help.openai.com/en/articles/9197833-batch-api-faq",
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "Anthropic's Message Batches API is documented with the same 50% discount.",
    },
    {
        "id": "openai-ft-gpt4o-price",
        "subject": "OpenAI fine-tuned GPT-4o: token prices",
        "topic": "price",
        "claim": "Fine-tuned GPT-4o was listed at $3.75 and $15 per million input and output "
        "tokens, against $2.50 and $10 for the base model.",
        "value": "1.5x base",
        "source": "https://openai.com/api/pricing/",
        "checked": _CHECKED,
        "status": "unconfirmed",
        "note": "Kept from the earlier edition of the economics page; the check found only "
        "third-party pages, which disagree with each other. The model retires on 2027-01-14.",
    },
    # Figures the calculator's price presets read (see calculator/presets.py); a figure's
    # first number is the one used, so an organisation overrides it with a plain "1.60".
    {
        "id": "hosted-api-input-price",
        "subject": "Hosted API preset: input price (GPT-4.1)",
        "topic": "price",
        "claim": "OpenAI lists GPT-4.1 at $2.00 per million input tokens; the calculator's "
        "hosted API preset uses it as the price of the model you prompt.",
        "value": "$2.00 per million input tokens",
        "source": "https://openai.com/api/pricing/",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Read in GitHub's published table of model prices (github/docs, "
        "data/tables/copilot/models-and-pricing.yml), which lists GPT-4.1 at $2.00 in, $0.50 "
        "cached, $8.00 out; the stored copy of OpenAI's pricing page lacked the table.",
    },
    {
        "id": "hosted-api-output-price",
        "subject": "Hosted API preset: output price (GPT-4.1)",
        "topic": "price",
        "claim": "OpenAI lists GPT-4.1 at $8.00 per million output tokens.",
        "value": "$8.00 per million output tokens",
        "source": "https://openai.com/api/pricing/",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Same table as the input price.",
    },
    {
        "id": "hosted-api-cache-discount",
        "subject": "Hosted API preset: cached input discount (GPT-4.1)",
        "topic": "price",
        "claim": "Cached GPT-4.1 input is billed at $0.50 per million tokens against $2.00 "
        "uncached, a 75% cut.",
        "value": "75% off cached input",
        "source": "https://openai.com/api/pricing/",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Same table as the input price.",
    },
    {
        "id": "managed-cloud-input-price",
        "subject": "Managed cloud preset: input price (Gemini 2.5 Flash on Vertex AI)",
        "topic": "price",
        "claim": "Vertex AI lists Gemini 2.5 Flash at $0.30 per million input tokens.",
        "value": "$0.30 per million input tokens",
        "source": "https://cloud.google.com/vertex-ai/generative-ai/pricing",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Read in third-party summaries of the Vertex AI price list (deploybase.ai, "
        "2026); the stored copy of Google's page was not available.",
    },
    {
        "id": "managed-cloud-output-price",
        "subject": "Managed cloud preset: output price (Gemini 2.5 Flash on Vertex AI)",
        "topic": "price",
        "claim": "Vertex AI lists Gemini 2.5 Flash at $2.50 per million output tokens.",
        "value": "$2.50 per million output tokens",
        "source": "https://cloud.google.com/vertex-ai/generative-ai/pricing",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Same summaries as the input price.",
    },
    {
        "id": "managed-cloud-tuned-price-factor",
        "subject": "Managed cloud preset: tuned model's token prices",
        "topic": "price",
        "claim": "The preset prices a tuned Gemini model's tokens like its base model's. "
        "Illustrative: no current statement of tuned-model serving prices could be confirmed.",
        "value": "1x base (illustrative)",
        "source": "https://cloud.google.com/vertex-ai/generative-ai/pricing",
        "checked": _CHECKED,
        "status": "unconfirmed",
        "note": "Check the provider's price list for your model and region before relying on it.",
    },
    {
        "id": "open-weights-gpu-month",
        "subject": "Open weights preset: one GPU serving the tuned model",
        "topic": "price",
        "claim": "One data-centre GPU rented around the clock to serve a small tuned model with "
        "its adapters. Illustrative: rental prices vary by provider, region and commitment, and "
        "no single current list price could be confirmed.",
        "value": "$1,825 a month (illustrative: $2.50 an hour for 730 hours)",
        "source": "https://docs.vllm.ai/en/latest/models/lora.html",
        "checked": _CHECKED,
        "status": "unconfirmed",
        "note": "The source documents serving many LoRA adapters on one base model; the hourly "
        "rate is an illustrative figure, not a quote.",
    },
    {
        "id": "open-weights-training-run",
        "subject": "Open weights preset: one LoRA training run",
        "topic": "price",
        "claim": "A LoRA or QLoRA run on a small open-weight model, with its evaluation, on "
        "rented GPUs. Illustrative: run length depends on model size and dataset.",
        "value": "$200 a run (illustrative)",
        "source": "https://arxiv.org/abs/2305.14314",
        "checked": _CHECKED,
        "status": "unconfirmed",
        "note": "QLoRA shows single-GPU tuning of large models is feasible; the dollar figure is "
        "illustrative.",
    },
    {
        "id": "openai-ft-example-count",
        "subject": "Fine-tuning: examples needed for a visible gain",
        "topic": "minimum",
        "claim": "OpenAI's fine-tuning guide reported clear gains from about 50 to 100 training "
        "examples.",
        "value": "50 to 100 examples",
        "source": "https://developers.openai.com/docs/guides/fine-tuning",
        "checked": _CHECKED,
        "status": "unconfirmed",
        "note": "The guide now lives under legacy documentation; the stored copy did not show "
        "the passage. Vertex AI's tuning reference suggests 100 to 500 examples.",
    },
    # Evaluation guidance
    {
        "id": "openai-evals-first",
        "subject": "OpenAI: evaluations before optimisation",
        "topic": "guidance",
        "claim": "OpenAI's model optimisation guide starts with writing evaluations that set a "
        "baseline, then prompting, then fine-tuning only for some use cases.",
        "value": "evals first",
        "source": "https://developers.openai.com/api/docs/guides/model-optimization",
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "The guide is being moved into legacy documentation with the fine-tuning "
        "platform.",
    },
    {
        "id": "anthropic-success-criteria",
        "subject": "Anthropic: success criteria and tests first",
        "topic": "guidance",
        "claim": "Anthropic's documentation asks for specific, measurable success criteria and "
        "an evaluation set before any prompt engineering.",
        "value": "criteria and tests first",
        "source": "https://platform.claude.com/docs/en/test-and-evaluate/develop-tests",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    # Security
    {
        "id": "owasp-llm01-2025",
        "subject": "OWASP LLM01:2025 prompt injection",
        "topic": "security",
        "claim": "OWASP's Top 10 for LLM Applications 2025 ranks prompt injection first, "
        "including indirect injection through websites and files the model reads.",
        "value": "LLM01:2025",
        "source": "https://genai.owasp.org/llmrisk/llm01-prompt-injection/",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Read in copies and summaries of the OWASP entry.",
    },
    {
        "id": "owasp-llm08-2025",
        "subject": "OWASP LLM08:2025 vector and embedding weaknesses",
        "topic": "security",
        "claim": "OWASP's 2025 list adds vector and embedding weaknesses: unauthorised access "
        "and leaks between tenants, embedding inversion, and poisoning of the index.",
        "value": "LLM08:2025",
        "source": "https://genai.owasp.org/llmrisk/llm082025-vector-and-embedding-weaknesses/",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "greshake-2023",
        "subject": "Greshake et al. 2023: indirect prompt injection",
        "topic": "paper",
        "claim": "Greshake et al., 'Not what you've signed up for', showed instructions planted "
        "in content an LLM application retrieves taking over its behaviour (indirect prompt "
        "injection).",
        "value": "2023",
        "source": "https://arxiv.org/abs/2302.12173",
        "checked": _CHECKED,
        "status": "secondary",
        "note": "Title, authors and year confirmed in several summaries; the arXiv number was "
        "not shown by the check.",
    },
    # Papers on knowledge, memorisation and training methods
    {
        "id": "ovadia-2023",
        "subject": "Ovadia et al. 2023: fine-tuning or retrieval for knowledge",
        "topic": "paper",
        "claim": "Ovadia et al., 'Fine-Tuning or Retrieval? Comparing Knowledge Injection in "
        "LLMs': retrieval beat unsupervised fine-tuning for both known and new facts, and the "
        "models struggled to learn new facts through fine-tuning.",
        "value": "2023",
        "source": "https://arxiv.org/abs/2312.05934",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "gekhman-2024",
        "subject": "Gekhman et al. 2024: new knowledge and hallucination",
        "topic": "paper",
        "claim": "Gekhman et al., 'Does Fine-Tuning LLMs on New Knowledge Encourage "
        "Hallucinations?': examples with new facts are learned slowly, and as they are learned "
        "the model's tendency to hallucinate rises linearly.",
        "value": "EMNLP 2024",
        "source": "https://aclanthology.org/2024.emnlp-main.444",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "carlini-2021",
        "subject": "Carlini et al. 2021: extracting training data from GPT-2",
        "topic": "paper",
        "claim": "Carlini et al., 'Extracting Training Data from Large Language Models': by "
        "querying GPT-2, the authors recovered hundreds of verbatim training sequences, among "
        "them names, phone numbers and e-mail addresses.",
        "value": "USENIX Security 2021",
        "source": "https://www.usenix.org/conference/usenixsecurity21/presentation/carlini-extracting",
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "The attack was on GPT-2, an openly published model, not a production service.",
    },
    {
        "id": "nasr-2023",
        "subject": "Nasr et al. 2023: extraction from production models",
        "topic": "paper",
        "claim": "Nasr et al., 'Scalable Extraction of Training Data from (Production) Language "
        "Models': gigabytes of training data extracted from open models, and a divergence "
        "attack that made the aligned ChatGPT emit memorised data.",
        "value": "2023",
        "source": "https://arxiv.org/abs/2311.17035",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "raft-2024",
        "subject": "Zhang et al. 2024: RAFT",
        "topic": "paper",
        "claim": "Zhang et al., 'RAFT: Adapting Language Model to Domain Specific RAG': training "
        "a model on questions with relevant and distractor documents improves in-domain RAG.",
        "value": "2024",
        "source": "https://arxiv.org/abs/2403.10131",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "lora-2021",
        "subject": "Hu et al. 2021: LoRA",
        "topic": "paper",
        "claim": "Hu et al., 'LoRA: Low-Rank Adaptation of Large Language Models': the base "
        "weights stay frozen and small low-rank matrices are trained, with no added latency "
        "at inference once merged.",
        "value": "2021",
        "source": "https://arxiv.org/abs/2106.09685",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "qlora-2023",
        "subject": "Dettmers et al. 2023: QLoRA",
        "topic": "paper",
        "claim": "Dettmers et al., 'QLoRA': LoRA on a 4-bit quantised base model, enough to "
        "fine-tune a 65-billion-parameter model on one 48 GB GPU.",
        "value": "2023",
        "source": "https://arxiv.org/abs/2305.14314",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    {
        "id": "hinton-2015-distillation",
        "subject": "Hinton et al. 2015: distillation",
        "topic": "paper",
        "claim": "Hinton, Vinyals and Dean, 'Distilling the Knowledge in a Neural Network': a "
        "small model trained to match a large model's outputs keeps much of its quality.",
        "value": "2015",
        "source": "https://arxiv.org/abs/1503.02531",
        "checked": _CHECKED,
        "status": "confirmed",
    },
    # Serving open weights
    {
        "id": "vllm-multi-lora",
        "subject": "vLLM: many LoRA adapters on one base model",
        "topic": "route",
        "claim": "vLLM serves many LoRA adapters on one copy of a base model and picks the "
        "adapter per request.",
        "value": "per-request adapters",
        "source": "https://docs.vllm.ai/en/latest/models/lora.html",
        "checked": _CHECKED,
        "status": "confirmed",
        "note": "SGLang documents the same ability (https://docs.sglang.io/advanced_features/lora.html).",
    },
)
