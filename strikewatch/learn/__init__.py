"""Small trained components, fitted offline with numpy/scipy and shipped as JSON weights.

Shared pieces: `hashing` (hashed bag-of-words features), `logreg` (L2-regularised logistic
regression: fit, predict, save, load), `cv` (leave-one-batch-out cross-validation), `batches`
(the development gold folds every trainer reads; held-out batches never listed). Users:
the mention filter (`mention_features`, `mention_data`, `train_mention_filter`; the
extraction component is extract/components/mention_filter.py) and `genre` (does an article
report a new strike at all; the `genre` step in extract/components/article_frame.py).
"""
